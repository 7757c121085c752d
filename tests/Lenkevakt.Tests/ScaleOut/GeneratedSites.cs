using System.Text;

namespace Lenkevakt.Tests.ScaleOut;

/// <summary>Writes N small municipal-style sites (for multi-worker tests) into a folder the <see cref="Lenkevakt.Cli.Demo.SampleWebServer"/> serves.</summary>
public static class GeneratedSites
{
    /// <summary>Each site: an index, <paramref name="pages"/> topic pages chained together, one 404 link, one missing #fragment, one link to a shared external 404.</summary>
    public static string Create(int sites, int pages)
    {
        var root = Path.Combine(Path.GetTempPath(), "lenkevakt-tests", "sites-" + Guid.NewGuid().ToString("N")[..8]);
        for (var s = 1; s <= sites; s++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(root, $"site{s:D2}")).FullName;
            var index = new StringBuilder($"""<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Kommune {s} – helse</title></head><body><main><h1>Helse og omsorg</h1><ul>""");
            for (var p = 1; p <= pages; p++)
            {
                index.Append($"""<li><a href="/tema/side-{p}.html">Tema {p}</a></li>""");
                var next = p < pages ? $"""<a href="/tema/side-{p + 1}.html">Neste</a>""" : "";
                File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "tema")).FullName, $"side-{p}.html"),
                    $"""<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Tema {p}</title></head><body><main><h1 id="innhold">Tema {p}</h1><p>Legevakt 116 117.</p>{next} <a href="/">Forside</a></main></body></html>""");
            }

            index.Append("""<li><a href="/finnes-ikke.html">Gammel side</a></li><li><a href="/tema/side-1.html#mangler">Avsnitt</a></li><li><a href="{{site:ext}}/borte.html">Ekstern</a></li></ul></main></body></html>""");
            File.WriteAllText(Path.Combine(dir, "index.html"), index.ToString());
        }

        var ext = Directory.CreateDirectory(Path.Combine(root, "ext")).FullName;
        File.WriteAllText(Path.Combine(ext, "index.html"), """<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Ekstern</title></head><body>Ekstern</body></html>""");
        return root;
    }
}
