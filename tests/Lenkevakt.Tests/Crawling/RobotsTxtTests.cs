using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

public sealed class RobotsTxtTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/intern/x.html", false)]
    [InlineData("/intern/offentlig/side.html", true)]
    [InlineData("/sok?q=legevakt", false)]
    [InlineData("/filer/rapport.pdf", false)]
    [InlineData("/filer/rapport.pdf.html", true)]
    public void IsAllowed_LongestMatchWins_AllowWinsTies_WildcardsAndAnchors(string path, bool allowed)
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /intern/
            Allow: /intern/offentlig/
            Disallow: /sok?
            Disallow: /*.pdf$
            Crawl-delay: 2
            Sitemap: https://k.example/sitemap.xml
            """, "Lenkevakt");

        Assert.Equal(allowed, robots.IsAllowed(path));
        Assert.Equal(TimeSpan.FromSeconds(2), robots.CrawlDelay);
        Assert.Equal(["https://k.example/sitemap.xml"], robots.Sitemaps);
    }

    [Fact]
    public void SpecificGroup_BeatsWildcardGroup()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: lenkevakt
            Disallow: /privat/
            """, "Lenkevakt");

        Assert.True(robots.IsAllowed("/helse/"));
        Assert.False(robots.IsAllowed("/privat/a"));
    }

    [Fact]
    public void EmptyDisallow_AllowsEverything_AndRobotsTxtItselfIsAlwaysAllowed()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n", "Lenkevakt").IsAllowed("/any"));
        Assert.True(RobotsTxt.DisallowAll.IsAllowed("/robots.txt"));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("/"));
    }
}
