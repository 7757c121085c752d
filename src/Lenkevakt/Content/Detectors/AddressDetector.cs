using System.Text.RegularExpressions;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Detectors;

/// <summary>
/// Finds Norwegian addresses: a street and house number followed by a four-digit postcode and place
/// (<c>Rådhusgata 1, 1234 Sted</c>, also across a line break), a street with a typical street suffix
/// (<c>Storgata 12</c>, <c>Fjordvegen 3 B</c>), post boxes (<c>Postboks 123, 1234 Sted</c>) and schema.org addresses.
/// Each hit is classified by the nearest label before it: <c>visiting</c> (besøksadresse, oppmøtestad, «her finner du oss»…),
/// <c>postal</c> (postadresse, postboks…) or, unlabelled, <c>street</c>.
/// </summary>
public static partial class AddressDetector
{
    public const string Name = "address";

    private static readonly string[] VisitingLabels =
    [
        "besøksadresse", "besøksadressa", "besøksadr", "besøk oss", "besøk:", "oppmøteadresse", "oppmøtested", "oppmøtestad", "oppmøte:",
        "her finner du oss", "her finn du oss", "vi holder til", "vi held til", "holder til i", "held til i", "vi finnes i", "kontoradresse",
        "gateadresse", "lokaler i", "lokale i", "ligger i", "ligg i", "adresse:", "adresse", "adressa", "visiting address", "address:",
        "location:", "where to find us", "find us", "adres:", "adresas:", "адрес:", "адреса:", "العنوان", "آدرس", "پتہ", "cinwaanka", "adresse for oppmøte",
    ];

    private static readonly string[] PostalLabels =
    [
        "postadresse", "postadressa", "postadr", "post:", "postal address", "fakturaadresse", "send post til", "skriv til oss", "brev til",
    ];

    public static IEnumerable<DetectorHit> Find(IReadOnlyList<TextBlock> blocks, IReadOnlyList<StructuredDataItem> structured)
    {
        foreach (var block in blocks)
        {
            var previous = DetectorText.Previous(blocks, block.Index);
            foreach (var hit in FindInText(block.Text, previous, block.Element == "address"))
            {
                yield return hit with { BlockIndex = block.Index, Region = block.Region, Where = block.Where };
            }
        }

        foreach (var item in structured)
        {
            foreach (var (key, value) in item.Properties)
            {
                if (key != "address")
                {
                    continue;
                }

                var kind = value.StartsWith("Postboks", StringComparison.OrdinalIgnoreCase) ? "postal" : "street";
                yield return new DetectorHit(Name, value, kind, $"schema.org {item.Type}: {TextNormalizer.Truncate(value, 100)}", -1, item.Region, TextBlock.RegionName(item.Region), value);
            }
        }
    }

    public static IEnumerable<DetectorHit> FindInText(string text, string? previous = null, bool inAddressElement = false)
    {
        // Every address has a house, box or postcode number: without a digit, none of the regexes can match.
        if (!DetectorText.HasDigit(text))
        {
            yield break;
        }

        var taken = new List<(int Start, int End)>();
        var postcode = DetectorText.HasDigits(text, 4);
        foreach (var (regex, baseKind, needsSuffix) in new[] { (PostBox(), "postal", false), (StreetWithPostcode(), "street", false), (SuffixStreet(), "street", true) })
        {
            // The suffix regex (no fixed start, slow) can only match where one of its street suffixes is;
            // the street-and-postcode regex only where four digits in a row (the postcode) are.
            if ((needsSuffix && !text.AsSpan().ContainsAny(StreetSuffixes)) || (regex == StreetWithPostcode() && !postcode))
            {
                continue;
            }

            foreach (Match m in regex.Matches(text))
            {
                if (taken.Any(t => m.Index < t.End && m.Index + m.Length > t.Start))
                {
                    continue;
                }

                var street = m.Groups["street"].Value;
                if (baseKind == "street" && (IsNotAStreet(street) || !EndsLikeAStreet(street)))
                {
                    continue;
                }

                if (m.Groups["no"].Success && int.TryParse(new string(m.Groups["no"].Value.Where(char.IsAsciiDigit).ToArray()), out var houseNumber) && houseNumber is 0 or > 999)
                {
                    continue;
                }

                taken.Add((m.Index, m.Index + m.Length));
                var kind = baseKind == "postal" ? "postal" : Label(text, m.Index, previous) ?? (inAddressElement ? "street" : "street");
                var value = TextNormalizer.OneLine(m.Value).Trim(' ', ',');
                yield return new DetectorHit(Name, value, kind, DetectorText.Snippet(text, m.Index, m.Length, 50), -1, PageRegion.None, "", DetectorText.Context(text, m.Index, m.Length, previous));
            }
        }
    }

    /// <summary>The nearest label before the address (in its block, else at the end of the previous block): visiting, postal, or null.</summary>
    private static string? Label(string text, int start, string? previous)
    {
        var before = InvariantLower.Of(text[..start]);
        var found = Nearest(before);
        if (found is null && previous is not null)
        {
            var prev = InvariantLower.Of(previous);
            found = Nearest(prev.Length > 120 ? prev[^120..] : prev);
        }

        return found;
    }

    private static string? Nearest(string before)
    {
        var bestVisit = VisitingLabels.Select(l => LastWord(before, l)).DefaultIfEmpty(-1).Max();
        var bestPostal = PostalLabels.Select(l => LastWord(before, l)).DefaultIfEmpty(-1).Max();
        if (bestVisit < 0 && bestPostal < 0)
        {
            return null;
        }

        // Labels far before the address (another sentence) still count within a short block.
        if (Math.Max(bestVisit, bestPostal) < before.Length - 160)
        {
            return null;
        }

        return bestPostal > bestVisit ? "postal" : "visiting";
    }

    /// <summary>A street name's last word is capitalised ("Storgata", "Gamle Kongeveg") or a street word ("Kongens gate", "Dronning Mauds gate").</summary>
    private static bool EndsLikeAStreet(string street)
    {
        var last = street.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return last.Length > 0 && (char.IsUpper(last[0]) || last is "gate" or "gata" or "gaten" or "gt." or "vei" or "veg" or "veien" or "vegen" or "vn." or "plass" or "plassen" or "allé" or "alle" or "torg" or "torget" or "brygge" or "bakke" or "bakken" or "sti" or "stien");
    }

    /// <summary>Last index of a label that starts a word ("post:" in "e-post:" does not count).</summary>
    private static int LastWord(string text, string label)
    {
        var i = text.LastIndexOf(label, StringComparison.Ordinal);
        while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '-'))
        {
            i = text.LastIndexOf(label, i - 1, StringComparison.Ordinal);
        }

        return i;
    }

    private static bool IsNotAStreet(string street)
    {
        var first = street.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (first.Length == 0 || !char.IsUpper(first[0]))
        {
            return true;
        }
        string[] notStreets =
        [
            "Telefon", "Tlf", "Mobil", "Postboks", "Pb", "Kl", "Klokka", "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag", "Måndag", "Tysdag", "Laurdag", "Sundag",
            "Uke", "Veke", "Side", "Rom", "Kapittel", "Punkt", "Nr", "Org", "Organisasjonsnummer", "Kontonummer", "Fax", "Faks", "SMS", "Ring", "Kommunenummer", "Januar", "Februar",
            "Mars", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Desember", "Buss", "Linje", "Rute", "Alder", "Gruppe", "Trinn", "Steg", "Covid",
        ];
        return notStreets.Any(n => first.Equals(n, StringComparison.OrdinalIgnoreCase) || first.Equals(n + ".", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"(?<street>(?:Postboks|Postb\.|Pb\.?|P\.b\.|Boks|PO Box|P\.O\. Box)\s?\d{1,5})(?:,?\s*\n?\s*(?<post>\d{4})\s+(?<place>\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PostBox();

    [GeneratedRegex(@"(?<street>\p{Lu}[\p{L}.'-]+(?:\s(?:[\p{L}.'-]+)){0,3})\s(?<no>\d{1,3}\s?[A-Ha-h]?)(?![\d\p{L}])(?:\s?-\s?\d{1,3})?,?\s*\n?\s*(?:\p{L}[\p{L}. ]{0,20}\n\s*)?(?<post>\d{4})\s+(?<place>\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex StreetWithPostcode();

    /// <summary>The street suffixes of <see cref="SuffixStreet"/> (it is case-sensitive), for a vectorised search before it runs.</summary>
    internal static readonly System.Buffers.SearchValues<string> StreetSuffixes = System.Buffers.SearchValues.Create(
        ["gata", "gaten", "gate", "gt.", "veien", "vegen", "vei", "veg", "vn.", "plass", "plassen", "torget", "torg", "allé", "alleen", "brygga", "bryggen", "bakken", "stien", "tunet", "kaia", "kaien", "ringen", "svingen", "løkka", "kaiå"],
        StringComparison.Ordinal);

    [GeneratedRegex(@"(?<street>(?:\p{Lu}[\p{L}.'-]+\s){0,3}\p{L}*(?:gata|gaten|gate|gt\.|veien|vegen|vei|veg|vn\.|plass|plassen|torget|torg|allé|alleen|brygga|bryggen|bakken|stien|tunet|kaia|kaien|ringen|svingen|løkka|kaiå))\s(?<no>\d{1,3}\s?[A-Ha-h]?)(?![\d\p{L}])", RegexOptions.CultureInvariant)]
    internal static partial Regex SuffixStreet();
}
