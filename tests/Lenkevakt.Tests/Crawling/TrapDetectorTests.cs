using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
public sealed class TrapDetectorTests
{
    [Theory]
    [InlineData("https://k.example/helse/legevakt/")]
    [InlineData("https://k.example/helse-og-omsorg/helse/psykisk-helse/")]
    [InlineData("https://k.example/nyheter/2026/12/vaksine/")]
    [InlineData("https://k.example/sok?q=legevakt&page=2")]
    [InlineData("https://k.example/a/b/c/d/e/f/g/h/i/j/")]
    public void IsTrap_OrdinaryUrls_AreFollowed(string url) => Assert.False(new TrapDetector().IsTrap(new Uri(url)));

    [Theory]
    [InlineData("https://k.example/sub/sub/sub/")]
    [InlineData("https://k.example/a/b/a/b/a/")]
    [InlineData("https://k.example/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/")]
    public void IsTrap_RepeatingOrEndlessPaths_AreTraps(string url)
    {
        var traps = new TrapDetector();

        Assert.True(traps.IsTrap(new Uri(url)));
        Assert.Single(traps.Found);
    }

    [Fact]
    public void IsTrap_Calendar_FollowsTheFirstValues_ThenStops_AndReportsOnePattern()
    {
        var traps = new TrapDetector();
        var followed = Enumerable.Range(0, 200).Count(day => !traps.IsTrap(new Uri($"https://k.example/kalender?dato=2026-12-{day}&vis=uke")));

        Assert.Equal(TrapDetector.MaxVariants, followed);
        var trap = Assert.Single(traps.Found);
        Assert.Contains("dato=", trap.Pattern, StringComparison.Ordinal);
        Assert.False(traps.IsTrap(new Uri("https://k.example/kalender?dato=2026-12-3&vis=uke")), "a value already followed stays followed");
    }

    [Fact]
    public void IsTrap_DatesInThePath_UnderOnePage_AreCapped()
    {
        var traps = new TrapDetector();
        var followed = Enumerable.Range(0, 120).Count(i => !traps.IsTrap(new Uri($"https://k.example/kalender/{2020 + (i / 12)}/{(i % 12) + 1}/")));

        Assert.Equal(TrapDetector.MaxVariants, followed);
    }
}
