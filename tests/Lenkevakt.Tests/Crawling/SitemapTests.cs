using System.IO.Compression;
using System.Text;
using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
public sealed class SitemapTests
{
    [Fact]
    public void UrlsetAndIndex_AreParsed_GzipAccepted()
    {
        var urlset = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://k.no/a </loc></url><url><loc>https://k.no/b</loc></url></urlset>""");
        var index = Encoding.UTF8.GetBytes("""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://k.no/s1.xml</loc></sitemap></sitemapindex>""");
        using var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(urlset);
        }

        Assert.Equal(["https://k.no/a", "https://k.no/b"], Sitemap.Parse(urlset).Pages);
        Assert.Equal(["https://k.no/s1.xml"], Sitemap.Parse(index).Sitemaps);
        Assert.Equal(["https://k.no/a", "https://k.no/b"], Sitemap.Parse(gz.ToArray()).Pages);
    }

    [Fact]
    public void Dtd_IsRefused_NoEntityExpansion()
    {
        var evil = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><urlset><url><loc>&a;</loc></url></urlset>""");
        Assert.Empty(Sitemap.Parse(evil).Pages);
    }
}
