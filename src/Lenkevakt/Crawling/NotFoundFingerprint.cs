using System.Security.Cryptography;
using System.Text;

namespace Lenkevakt.Crawling;

/// <summary>What a site's "not found" page looks like when it answers 200 (a soft 404): its title, or its text.</summary>
public sealed record NotFoundFingerprint(string ProbeUrl, string? Title, string TextHash)
{
    public static NotFoundFingerprint From(string probeUrl, ParsedPage page, string html) => new(probeUrl, page.Title, Hash(page));

    public bool Matches(ParsedPage page, string html) =>
        Title is { Length: > 0 } ? string.Equals(page.Title, Title, StringComparison.Ordinal) : Hash(page) == TextHash;

    private static string Hash(ParsedPage page) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(page.Document?.Body?.TextContent ?? "")));
}
