using Lenkevakt.Sites;

namespace Lenkevakt.Cli.Demo;

/// <summary>Finds the bundled sample web (<c>samples/demo</c>) and loads its sites file with the live loopback addresses filled in.</summary>
public static class DemoSites
{
    /// <summary>
    /// The sample sites' default ports on 127.0.0.1, so that the demo's URLs are the same every run. A busy port falls
    /// back to a free one (<see cref="SampleWebServer.PortFallbacks"/>); finding ids leave loopback ports out, so the
    /// findings stay the same either way.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultPorts = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["elvdal"] = 18081,
        ["fjordvik"] = 18082,
        ["helsenorge"] = 18083,
        ["sjobygd"] = 18084,
    };

    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "demo");
                if (File.Exists(Path.Combine(candidate, "sites.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Loads <c>sites.json</c> of the sample web after replacing <c>{{site:NAME}}</c> with each served site's address.</summary>
    public static IReadOnlyList<SiteDefinition> Load(string root, IReadOnlyDictionary<string, Uri> served)
    {
        var text = File.ReadAllText(Path.Combine(root, "sites.json"));
        foreach (var (name, uri) in served)
        {
            text = text.Replace("{{site:" + name + "}}", uri.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);
        }

        var file = Path.Combine(Path.GetTempPath(), $"lenkevakt-demo-sites-{Environment.ProcessId}.json");
        File.WriteAllText(file, text);
        try
        {
            return SitesCatalog.Load(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
