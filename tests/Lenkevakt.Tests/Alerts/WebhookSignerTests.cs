using Lenkevakt.Alerts;

namespace Lenkevakt.Tests.Alerts;

/// <summary>What a receiver relies on: the signature binds secret, timestamp and body, and old timestamps are refused (replay).</summary>
[Trait("Category", "Unit")]
public sealed class WebhookSignerTests
{
    private const string Secret = "hemmelig";
    private const string Body = """{"type":"lenkevakt.digest","summary":"1 nytt problem, 0 rettet"}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly long Ts = Now.ToUnixTimeSeconds();

    [Fact]
    public void Verify_AcceptsTheSignature_WithinTheTolerance() =>
        Assert.True(WebhookSigner.Verify(Secret, Ts.ToString(System.Globalization.CultureInfo.InvariantCulture), WebhookSigner.Sign(Secret, Ts, Body), Body, Now.AddMinutes(4), TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData("body")]
    [InlineData("secret")]
    [InlineData("timestamp-changed")]
    [InlineData("replayed-later")]
    [InlineData("from-the-future")]
    [InlineData("not-a-number")]
    [InlineData("uppercase-hex")]
    public void Verify_RefusesTamperingAndReplay(string attack)
    {
        var signature = WebhookSigner.Sign(Secret, Ts, Body);
        var (secret, ts, sig, body, now) = attack switch
        {
            "body" => (Secret, Ts.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Body.Replace("1 nytt", "0 nye", StringComparison.Ordinal), Now),
            "secret" => ("annen", Ts.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Body, Now),
            "timestamp-changed" => (Secret, (Ts + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Body, Now),
            "replayed-later" => (Secret, Ts.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Body, Now.AddMinutes(6)),
            "from-the-future" => (Secret, Ts.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Body, Now.AddMinutes(-6)),
            "not-a-number" => (Secret, "-1", signature, Body, Now),
            _ => (Secret, Ts.ToString(System.Globalization.CultureInfo.InvariantCulture), signature.ToUpperInvariant(), Body, Now),
        };

        Assert.False(WebhookSigner.Verify(secret, ts, sig, body, now, TimeSpan.FromMinutes(5)));
    }
}
