using System.Text;
using System.Text.RegularExpressions;

namespace Lenkevakt.Crawling;

/// <summary>
/// Turns page bytes into text the way browsers do, in this order: byte-order mark, the HTTP header's charset,
/// a <c>&lt;meta charset&gt;</c> / <c>http-equiv</c> declaration in the first 1024 bytes, then UTF-8 when the bytes
/// are valid UTF-8, else windows-1252 (what browsers use for "ISO-8859-1"). Old municipal pages are often Latin-1.
/// Every encoding .NET has is available, the legacy code pages included (<see cref="CodePagesEncodingProvider"/>).
/// A declared charset that cannot be decoded (unknown, or <c>utf-7</c>, which .NET and browsers refuse because it
/// hides markup) is skipped like browsers do, and reported in <see cref="DecodedHtml.UndecodableCharset"/>.
/// </summary>
public static partial class HtmlDecoding
{
    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, Encoding Encoding) Decode(ReadOnlySpan<byte> bytes, string? headerCharset)
    {
        var decoded = DecodePage(bytes, headerCharset);
        return (decoded.Text, decoded.Encoding);
    }

    /// <summary>Decodes a page; when it declares a charset that cannot be decoded, the fallback is used and the label returned.</summary>
    public static DecodedHtml DecodePage(ReadOnlySpan<byte> bytes, string? headerCharset)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(Encoding.UTF8.GetString(bytes[3..]), Encoding.UTF8, null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(Encoding.Unicode.GetString(bytes[2..]), Encoding.Unicode, null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(Encoding.BigEndianUnicode.GetString(bytes[2..]), Encoding.BigEndianUnicode, null);
        }

        string? undecodable = null;
        var encoding = FromDeclared(headerCharset, ref undecodable) ?? FromDeclared(SniffMeta(bytes[..Math.Min(bytes.Length, 1024)]), ref undecodable);
        if (encoding is not null)
        {
            return new(encoding.GetString(bytes), encoding, null);
        }

        encoding = IsValidUtf8(bytes) ? Encoding.UTF8 : Encoding.GetEncoding(1252);
        return new(encoding.GetString(bytes), encoding, undecodable);
    }

    private static Encoding? FromDeclared(string? label, ref string? undecodable)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var encoding = FromLabel(label);
        if (encoding is null)
        {
            undecodable ??= label.Trim().Trim('"', '\'').ToLowerInvariant();
        }

        return encoding;
    }

    /// <summary>Maps a charset label to an encoding per the WHATWG label table's common cases; null when unknown.</summary>
    public static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        label = label.Trim().Trim('"', '\'').ToLowerInvariant();
        return label switch
        {
            "utf-8" or "utf8" or "unicode-1-1-utf-8" => Encoding.UTF8,
            // WHATWG: these labels all mean windows-1252 (a superset of ISO-8859-1 that browsers use).
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "windows-1252" or "cp1252" or "x-cp1252" or "iso_8859-1" => Encoding.GetEncoding(1252),
            "utf-16" or "utf-16le" => Encoding.Unicode,
            "utf-16be" => Encoding.BigEndianUnicode,
            _ => TryGet(label),
        };
    }

    private static Encoding? TryGet(string label)
    {
        if (label is "utf-7" or "utf7" or "unicode-1-1-utf-7" or "csunicode11utf7" or "x-unicode20utf7")
        {
            return null; // Refused on purpose (as by browsers and .NET): UTF-7 can hide markup from filters.
        }

        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? SniffMeta(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.Latin1.GetString(head);
        var m = MetaCharset().Match(ascii);
        return m.Success ? m.Groups["cs"].Value : null;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
