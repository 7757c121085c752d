using System.Globalization;
using System.Text.RegularExpressions;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Detectors;

/// <summary>
/// Finds e-mail addresses: <c>mailto:</c> links, plain text (<c>postmottak@kommune.no</c>), the common obfuscations
/// (<c>postmottak(at)kommune.no</c>, <c>postmottak [at] kommune [dot] no</c>, <c>postmottak (krøllalfa) kommune.no</c>,
/// <c>postmottak at kommune punktum no</c>) and Cloudflare's email protection links. Values are lower-case addresses.
/// </summary>
public static partial class EmailDetector
{
    public const string Name = "email";

    private static readonly HashSet<string> CommonTlds = new(StringComparer.Ordinal) { "no", "com", "net", "org", "se", "dk", "eu", "info" };

    public static IEnumerable<DetectorHit> Find(IReadOnlyList<TextBlock> blocks)
    {
        foreach (var block in blocks)
        {
            var previous = DetectorText.Previous(blocks, block.Index);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var link in block.Links)
            {
                string? address = null;
                string kind = "mailto";
                if (link.Href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                {
                    address = FromMailto(link.Href);
                }
                else if (link.Href.Contains("/cdn-cgi/l/email-protection#", StringComparison.Ordinal))
                {
                    address = DecodeCloudflare(link.Href[(link.Href.IndexOf('#', StringComparison.Ordinal) + 1)..]);
                    kind = "cloudflare";
                }

                if (address is not null && seen.Add(address))
                {
                    yield return new DetectorHit(Name, address, kind, $"<a href=\"{TextNormalizer.Truncate(link.Href, 80)}\">{TextNormalizer.Truncate(link.Text, 60)}</a>", block.Index, block.Region, block.Where + ", e-postlenke", link.Text);
                }
            }

            foreach (var hit in FindInText(block.Text, previous))
            {
                if (seen.Add(hit.Value))
                {
                    yield return hit with { BlockIndex = block.Index, Region = block.Region, Where = block.Where };
                }
            }
        }
    }

    public static IEnumerable<DetectorHit> FindInText(string text, string? previous = null)
    {
        // A plain address has an '@'.
        foreach (Match m in text.Contains('@', StringComparison.Ordinal) ? Plain().Matches(text) : Enumerable.Empty<Match>())
        {
            var value = m.Value.TrimEnd('.').ToLowerInvariant();
            yield return new DetectorHit(Name, value, "text", DetectorText.Snippet(text, m.Index, m.Length), -1, PageRegion.None, "", DetectorText.Context(text, m.Index, m.Length, previous));
        }

        // An obfuscated address has a bracket or a spaced " at " word (its separator): without either, nothing can match.
        var obfuscated = text.AsSpan().ContainsAny('(', '[', '{') || SpacedAt().IsMatch(text);
        foreach (var m in obfuscated ? ObfuscatedMatches(text) : [])
        {
            var domain = DotWord().Replace(m.Domain, ".").Replace(" ", "", StringComparison.Ordinal);
            var value = (m.Local + "@" + domain).ToLowerInvariant().TrimEnd('.');
            if (!Plain().IsMatch(value))
            {
                continue;
            }

            // A bare " at " (no brackets) is also an ordinary word: only trust it with a common top-level domain.
            var bare = !m.Bracketed;
            if (bare && !CommonTlds.Contains(value[(value.LastIndexOf('.') + 1)..]))
            {
                continue;
            }

            // In English running text " at " before a web address is a preposition ("read more at www.kommune.no",
            // "contact us at kommune.no"): a bare " at " counts only with a spelled-out dot, a mailbox-like local part
            // (dots, digits, underscores, hyphens, or a common mailbox name), and never before "www.".
            if (bare && (domain.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ||
                         (!DotWord().IsMatch(m.Domain) && !MailboxLike(m.Local))))
            {
                continue;
            }

            yield return new DetectorHit(Name, value, "obfuscated", DetectorText.Snippet(text, m.Index, m.Length), -1, PageRegion.None, "", DetectorText.Context(text, m.Index, m.Length, previous));
        }
    }

    /// <summary>
    /// The matches of <see cref="Obfuscated"/>, found from their separator: the separator regex has a literal start and runs
    /// in linear time, where <see cref="Obfuscated"/> starts with a character class and is tried at every position of a
    /// text that has a bracket or the word "at" (most Norwegian text: "at" = "that"). The local part is the run of
    /// local-part characters before the separator (and its spaces), the domain is matched from the separator's end.
    /// Equivalent to <c>Obfuscated().Matches(text)</c> (tested); no overlapping matches, leftmost first.
    /// </summary>
    internal static IEnumerable<ObfuscatedEmail> ObfuscatedMatches(string text)
    {
        var after = 0;
        var from = 0;
        while (from < text.Length && Separator().Match(text, from) is { Success: true } sep)
        {
            // A separator that yields no address may overlap the next one (" at at "): look again one character on.
            from = sep.Index + 1;
            var end = sep.Index;
            while (end > after && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > after && IsLocalChar(text[start - 1]))
            {
                start--;
            }

            if (start == end || DomainAt().Match(text, sep.Index + sep.Length) is not { Success: true } domain)
            {
                continue;
            }

            var group = domain.Groups["domain"];
            after = from = group.Index + group.Length;
            yield return new ObfuscatedEmail(text[start..end], group.Value, sep.Value[0] is '(' or '[' or '{', start, after - start);
        }
    }

    private static readonly HashSet<string> MailboxNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "post", "postmottak", "postkasse", "firmapost", "kontakt", "servicetorget", "servicesenteret", "legevakt", "legekontoret", "helsestasjon", "tildelingskontoret", "frivilligsentralen",
    };

    private static readonly System.Buffers.SearchValues<char> MailboxChars = System.Buffers.SearchValues.Create("._-0123456789");

    private static bool MailboxLike(string local) => local.AsSpan().IndexOfAny(MailboxChars) >= 0 || MailboxNames.Contains(local);

    public static string? FromMailto(string href)
    {
        var value = href[7..];
        var q = value.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            value = value[..q];
        }

        value = Uri.UnescapeDataString(value).Split(',')[0].Trim().ToLowerInvariant();
        return value.Contains('@', StringComparison.Ordinal) && value.Length > 3 ? value : null;
    }

    /// <summary>Decodes Cloudflare's <c>data-cfemail</c> hex (first byte is the XOR key).</summary>
    public static string? DecodeCloudflare(string hex)
    {
        if (hex.Length < 4 || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var key = int.Parse(hex.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var chars = new char[(hex.Length / 2) - 1];
        for (var i = 2; i < hex.Length; i += 2)
        {
            chars[(i / 2) - 1] = (char)(int.Parse(hex.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) ^ key);
        }

        var s = new string(chars).ToLowerInvariant();
        return s.Contains('@', StringComparison.Ordinal) ? s : null;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();

    [GeneratedRegex(@"(?<local>[\p{L}\p{N}._%+-]+)\s*(?:[\(\[\{]\s*(?:at|krøllalfa|alfakrøll|snabel-a|@)\s*[\)\]\}]|\s(?:at|krøllalfa|alfakrøll)\s)\s*(?<domain>[\p{L}\p{N}-]+(?:(?:\.|\s*[\(\[\{]\s*(?:dot|punktum|prikk)\s*[\)\]\}]\s*|\s(?:dot|punktum)\s)[\p{L}\p{N}-]+)+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    internal static partial Regex Obfuscated();

    private static bool IsLocalChar(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '.' or '_' or '%' or '+' or '-';

    /// <summary>The separator of <see cref="Obfuscated"/> with the spaces after it (same options).</summary>
    [GeneratedRegex(@"(?:[\(\[\{]\s*(?:at|krøllalfa|alfakrøll|snabel-a|@)\s*[\)\]\}]|\s(?:at|krøllalfa|alfakrøll)\s)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    /// <summary>The domain part of <see cref="Obfuscated"/>, anchored where the separator ended (same options).</summary>
    [GeneratedRegex(@"\G\s*(?<domain>[\p{L}\p{N}-]+(?:(?:\.|\s*[\(\[\{]\s*(?:dot|punktum|prikk)\s*[\)\]\}]\s*|\s(?:dot|punktum)\s)[\p{L}\p{N}-]+)+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DomainAt();

    /// <summary>The unbracketed separator of <see cref="Obfuscated"/> (same options).</summary>
    [GeneratedRegex(@"\s(?:at|krøllalfa|alfakrøll)\s", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    internal static partial Regex SpacedAt();

    [GeneratedRegex(@"\s*(?:[\(\[\{]\s*(?:dot|punktum|prikk)\s*[\)\]\}]|\s(?:dot|punktum)\s)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DotWord();
}
