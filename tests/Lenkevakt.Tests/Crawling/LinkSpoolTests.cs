using Lenkevakt.Crawling;
using Xunit;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
public sealed class LinkSpoolTests
{
    [Fact]
    public async Task Reads_Back_Every_Page_And_Link_As_Written()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lenkevakt-tests", "spool-" + Guid.NewGuid().ToString("N"));
        var written = new List<SpooledPage>
        {
            new("https://kommune.no/", "Forside – «Fjordvik» kommune", [new RawLink("/helse/", "Helse og omsorg", "a", 12), new RawLink("#åpningstider", "Åpningstider", "a", 40)], "https://kommune.no/"),
            new("https://kommune.no/tom", null, [], "https://kommune.no/base/"),
            new("https://kommune.no/ar", "", [new RawLink("https://example.org/صحة", "الصحة النفسية\nlinje 2", "area", 0), new RawLink("", "", "a", int.MaxValue)], "https://kommune.no/ar"),
        };
        for (var i = 0; i < 500; i++)
        {
            written.Add(new SpooledPage($"https://kommune.no/side-{i}", $"Side {i}", [.. Enumerable.Range(0, i % 40).Select(k => new RawLink($"/lenke/{k}", new string('x', k * 10), "a", k))], "https://kommune.no/"));
        }

        await using (var spool = new LinkSpool(dir))
        {
            await Parallel.ForEachAsync(written, async (page, ct) => await spool.AppendAsync(page, ct));
            var read = new List<SpooledPage>();
            await foreach (var page in spool.ReadAllAsync(CancellationToken.None))
            {
                read.Add(page);
            }

            Assert.Equal(written.Count, spool.Count);
            Assert.Equal(written.Count, read.Count);
            foreach (var page in written)
            {
                var back = Assert.Single(read, p => p.Url == page.Url);
                Assert.Equal(page.Title, back.Title);
                Assert.Equal(page.BaseUrl, back.BaseUrl);
                Assert.Equal(page.Links, back.Links);
            }
        }

        Assert.Empty(Directory.GetFiles(dir));
    }
}
