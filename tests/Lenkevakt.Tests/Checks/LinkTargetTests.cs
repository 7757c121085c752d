using Lenkevakt.Checks;
using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Checks;

[Trait("Category", "Unit")]
public sealed class LinkTargetTests
{
    private static readonly Uri Page = new("https://www.kommune.no/helse/legevakt.html");

    [Theory]
    [InlineData("file:///C:/Users/x/skjema.docx", LinkTargetKind.File)]
    [InlineData("C:\\Users\\x\\skjema.docx", LinkTargetKind.File)]
    [InlineData("\\\\server\\share\\a.pdf", LinkTargetKind.File)]
    [InlineData("mailto:a@b.no", LinkTargetKind.Mailto)]
    [InlineData("tel:113", LinkTargetKind.Tel)]
    [InlineData("javascript:void(0)", LinkTargetKind.Ignored)]
    [InlineData("ftp://ftp.kommune.no/a", LinkTargetKind.Unsupported)]
    [InlineData("  ../om/ ", LinkTargetKind.Http)]
    public void Resolve_ClassifiesSchemes(string href, LinkTargetKind kind) => Assert.Equal(kind, LinkTarget.Resolve(Page, href).Kind);

    [Fact]
    public void Resolve_SplitsFragment_AndKeepsItRaw()
    {
        var t = LinkTarget.Resolve(Page, "/helse/#%C3%A5pningstider");
        Assert.Equal("https://www.kommune.no/helse/", t.Target);
        Assert.Equal("%C3%A5pningstider", t.Fragment);
    }

    [Fact]
    public void HasAnchor_MatchesPercentEncodedNorwegianIds()
    {
        var anchors = new HashSet<string> { "åpningstider", "kontakt" };
        Assert.True(AnchorMatch.HasAnchor(anchors, "%C3%A5pningstider"));
        Assert.True(AnchorMatch.HasAnchor(anchors, "top"));
        Assert.False(AnchorMatch.HasAnchor(anchors, "kriselinjer"));
    }
}
