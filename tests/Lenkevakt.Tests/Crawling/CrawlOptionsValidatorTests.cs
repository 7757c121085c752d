using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
public sealed class CrawlOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(new CrawlOptionsValidator().Validate(null, new CrawlOptions()).Succeeded);

    [Fact]
    public void InvalidExcludeRegex_AcceptList_AndTimeout_AreEachNamed()
    {
        var result = new CrawlOptionsValidator().Validate(null, new CrawlOptions { Exclude = ["ok", "(["], AcceptedStatusCodes = "200-299,999-abc", AttemptTimeout = TimeSpan.Zero });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, f => f.StartsWith("Exclude:1: «([»", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("AcceptedStatusCodes: «999-abc»", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("AttemptTimeout:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("200-299", true)]
    [InlineData("200-299,403", true)]
    [InlineData(" 200 , 301-308 ", true)]
    [InlineData("999-abc", false)]
    [InlineData("299-200", false)]
    [InlineData("600", false)]
    [InlineData("20", false)]
    [InlineData("", false)]
    [InlineData("200-250-299", false)]
    public void StatusCodeList_AcceptsCodesAndRanges_Only(string spec, bool valid) => Assert.Equal(valid, StatusCodeList.Problem(spec) is null);
}
