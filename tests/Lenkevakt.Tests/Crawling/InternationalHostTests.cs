using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;

namespace Lenkevakt.Tests.Crawling;

/// <summary>bø.kommune.no and xn--b-5ga.kommune.no are one host (issue 11).</summary>
[Trait("Category", "Unit")]
public sealed class InternationalHostTests
{
    [Fact]
    public void HostKey_UnicodeAndAsciiSpelling_AreOneKey()
    {
        Assert.Equal("xn--b-5ga.kommune.no", HostKey.Of(new Uri("https://bø.kommune.no/helse")));
        Assert.Equal("xn--b-5ga.kommune.no", HostKey.Of(new Uri("https://XN--B-5GA.kommune.no/")));
        Assert.Equal("xn--b-5ga.kommune.no", HostKey.Of("Bø.kommune.no"));
        Assert.Equal("127.0.0.1:5000", HostKey.Of("127.0.0.1:5000"));
        Assert.Equal("[fd00::1]:8080", HostKey.Of(new Uri("http://[FD00::1]:8080/")));
    }

    [Fact]
    public void LinkTargetResolve_UnicodeHost_IsTheAsciiUrl()
    {
        var page = new Uri("https://xn--b-5ga.kommune.no/");

        Assert.Equal("https://xn--b-5ga.kommune.no/helse?a=%C3%B8", LinkTarget.Resolve(page, "https://bø.kommune.no/helse?a=ø#legevakt").Target);
        Assert.Equal(LinkTarget.Resolve(page, "https://xn--b-5ga.kommune.no/helse").Target, LinkTarget.Resolve(page, "https://bø.kommune.no/helse").Target);
        Assert.Equal("http://[fd00::1]/", LinkTarget.Resolve(page, "http://[fd00::1]/").Target);
    }

    [Fact]
    public void UrlScope_SiteConfiguredInUnicode_CrawlsTheAsciiSpelling_AndTheOtherWayRound()
    {
        var unicode = SitesCatalog.ForUrl(new Uri("https://bø.kommune.no/"), new CrawlScope());
        var ascii = SitesCatalog.ForUrl(new Uri("https://xn--b-5ga.kommune.no/"), new CrawlScope());

        Assert.True(new UrlScope(unicode, []).IsCrawlable(new Uri("https://xn--b-5ga.kommune.no/helse")));
        Assert.True(new UrlScope(ascii, []).IsCrawlable(new Uri("https://bø.kommune.no/helse")));
        Assert.True(new UrlScope(ascii, []).IsInternal(new Uri("https://BØ.kommune.no/")));
    }

    [Fact]
    public async Task HostGate_UnicodeAndAsciiSpelling_ShareOneHostsPoliteness()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var gate = new HostGate(new CrawlOptions { HostConcurrency = 1, HostMinInterval = TimeSpan.Zero }, time);
        using var first = await gate.EnterAsync(new Uri("https://bø.kommune.no/a"), CancellationToken.None);

        var second = gate.EnterAsync(new Uri("https://xn--b-5ga.kommune.no/b"), CancellationToken.None);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
    }
}
