using Lenkevakt.Findings;

namespace Lenkevakt.Tests.Findings;

/// <summary>Issue 12: finding ids do not depend on the port of a loopback sample site, and nothing else changes.</summary>
[Trait("Category", "Unit")]
public sealed class FindingIdTests
{
    [Theory]
    [InlineData("http://127.0.0.1:18082/legevakt.html", "http://127.0.0.1/legevakt.html")]
    [InlineData("http://localhost:5000/a?b=1#c", "http://localhost/a?b=1#c")]
    [InlineData("http://[::1]:8080/", "http://[::1]/")]
    [InlineData("https://www.fjordvik.kommune.no:8443/a", "https://www.fjordvik.kommune.no:8443/a")]
    [InlineData("http://127.0.0.1/a", "http://127.0.0.1/a")]
    [InlineData("mailto:post@fjordvik.kommune.no", "mailto:post@fjordvik.kommune.no")]
    [InlineData("legevakt-116117", "legevakt-116117")]
    public void WithoutLoopbackPort_DropsOnlyALoopbackPort(string url, string expected) =>
        Assert.Equal(expected, Finding.WithoutLoopbackPort(url));

    [Fact]
    public void Id_OfALoopbackSiteOnAnotherPort_IsTheSame_AndOfAPublicSiteOnAnotherPortIsNot()
    {
        Assert.Equal(
            Finding.ComputeId("broken-link", "http://127.0.0.1:18082/", "http://127.0.0.1:18083/psykisk-helse/finnes-ikke/"),
            Finding.ComputeId("broken-link", "http://127.0.0.1:41234/", "http://127.0.0.1:39001/psykisk-helse/finnes-ikke/"));
        Assert.NotEqual(
            Finding.ComputeId("broken-link", "https://fjordvik.kommune.no/", "https://fjordvik.kommune.no:8443/x"),
            Finding.ComputeId("broken-link", "https://fjordvik.kommune.no/", "https://fjordvik.kommune.no/x"));
    }
}
