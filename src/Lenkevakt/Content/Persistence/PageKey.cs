using System.Security.Cryptography;
using System.Text;

namespace Lenkevakt.Content.Persistence;

/// <summary>Row key of a page: the first 16 bytes of SHA-256 over the absolute URL, as 32 lower-case hex characters.</summary>
public static class PageKey
{
    public static string For(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)).AsSpan(0, 16));
}
