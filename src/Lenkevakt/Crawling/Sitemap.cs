using System.IO.Compression;
using System.Xml;

namespace Lenkevakt.Crawling;

/// <summary>Parses sitemaps (sitemaps.org 0.9): <c>urlset</c> page locations and <c>sitemapindex</c> child sitemaps; gzip accepted; DTDs refused.</summary>
public static class Sitemap
{
    public sealed record Entries(IReadOnlyList<string> Pages, IReadOnlyList<string> Sitemaps);

    public static Entries Parse(byte[] body)
    {
        var pages = new List<string>();
        var sitemaps = new List<string>();
        Stream stream = new MemoryStream(body);
        if (body.Length > 2 && body[0] == 0x1F && body[1] == 0x8B)
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = 64L * 1024 * 1024 };
        try
        {
            using (stream)
            using (var reader = XmlReader.Create(stream, settings))
            {
                var inSitemap = false;
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.LocalName == "sitemap")
                    {
                        inSitemap = true;
                    }
                    else if (reader.LocalName == "url")
                    {
                        inSitemap = false;
                    }
                    else if (reader.LocalName == "loc")
                    {
                        var loc = reader.ReadElementContentAsString().Trim();
                        (inSitemap ? sitemaps : pages).Add(loc);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException)
        {
            // A broken sitemap is not a reason to stop the crawl: what was read so far is used.
        }

        return new Entries(pages, sitemaps);
    }
}
