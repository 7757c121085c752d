using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
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

    [Theory]
    [InlineData("/*a*a*a*a*a*a*a*b", false)]
    [InlineData("/*a*a*a*a*a*a*a*", true)]
    [InlineData("/*a*a*a*a*a*a*a*a$", true)]
    [InlineData("/*b$", false)]
    public void Match_PathologicalWildcards_RunInLinearTime(string rule, bool matches)
    {
        var path = "/" + new string('a', 20_000);
        var robots = RobotsTxt.Parse($"User-agent: *\nDisallow: {rule}\n", "Lenkevakt");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(!matches, robots.IsAllowed(path));
        }

        // The recursive matcher took > 20 s for one URL; the linear one needs well under a millisecond per URL.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"20 matches took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("/fish", "/fish", true)]
    [InlineData("/fish", "/fish.html", true)]
    [InlineData("/fish", "/Fish.asp", false)]
    [InlineData("/fish*", "/fishheads/yummy.html", true)]
    [InlineData("/fish/", "/fish", false)]
    [InlineData("/*.php", "/folder/filename.php?parameters", true)]
    [InlineData("/*.php", "/windows.PHP", false)]
    [InlineData("/*.php$", "/filename.php?parameters", false)]
    [InlineData("/*.php$", "/filename.php", true)]
    [InlineData("/fish*.php", "/fishheads/catfish.php?parameters", true)]
    [InlineData("/fish*.php", "/Fish.PHP", false)]
    [InlineData("/a*b*c", "/aXbYc", true)]
    [InlineData("/a*b*c", "/aXcYb", false)]
    [InlineData("/a*b*c$", "/abcabc", true)]
    [InlineData("/a*b*c$", "/abcab", false)]
    [InlineData("/**x", "/yyx", true)]
    [InlineData("$", "/", false)]
    public void Match_FollowsTheWildcardSemanticsOfRfc9309(string rule, string path, bool matches) =>
        Assert.Equal(!matches, RobotsTxt.Parse($"User-agent: *\nDisallow: {rule}\n", "Lenkevakt").IsAllowed(path));
}
