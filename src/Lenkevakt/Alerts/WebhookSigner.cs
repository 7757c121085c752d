using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lenkevakt.Alerts;

/// <summary>
/// Signs <c>json</c> webhook deliveries. Headers: <c>X-Lenkevakt-Timestamp</c> (Unix seconds) and
/// <c>X-Lenkevakt-Signature: sha256=&lt;hex&gt;</c> = HMAC-SHA256(secret, "{timestamp}.{body}").
/// A receiver recomputes it over the raw body, compares in constant time, and rejects timestamps older than 5 minutes.
/// </summary>
public static class WebhookSigner
{
    public const string TimestampHeader = "X-Lenkevakt-Timestamp";
    public const string SignatureHeader = "X-Lenkevakt-Signature";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: true when the signature matches and the timestamp is within <paramref name="tolerance"/>.</summary>
    public static bool Verify(string secret, string timestampHeader, string signatureHeader, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var ts) || Math.Abs(now.ToUnixTimeSeconds() - ts) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, ts, body));
        var actual = Encoding.ASCII.GetBytes(signatureHeader);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
