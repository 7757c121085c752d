using Lenkevakt.Sites;

namespace Lenkevakt.Tests.Sites;

[Trait("Category", "Unit")]
public sealed class SitesCatalogTests
{
    private static string RepoConfig()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "sites.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("config/sites.json");
    }

    [Fact]
    public void RealCatalogue_HasTheHelsenorgeSections_AndAll357Municipalities()
    {
        var sites = SitesCatalog.Load(RepoConfig());

        Assert.Equal(357, sites.Count(s => s.Kind == SiteKind.Municipality));
        Assert.Equal(15, sites.Where(s => s.Kind == SiteKind.Municipality).Select(s => s.Fylkesnummer).Distinct().Count());
        Assert.Contains(sites, s => s.StartUrls[0].AbsoluteUri == "https://www.helsenorge.no/psykisk-helse/her-far-du-hjelp/");
        Assert.Contains(sites, s => s.StartUrls[0].AbsoluteUri == "https://tjenester.helsenorge.no/verktoy");
        var oslo = sites.Single(s => s.Id == "kommune-0301");
        Assert.Equal(("Oslo", "Oslo", 25), (oslo.Name, oslo.Fylke!, oslo.Scope.MaxPages));
        Assert.Contains("oslo.kommune.no", oslo.Scope.InternalHosts);
    }

    [Fact]
    public void SyntaxError_NamesFileLineAndProblem()
    {
        var file = Temp("{\n  \"version\": 1,\n  \"sites\": [ { \"id\": \"a\" \"name\": \"b\" } ]\n}");
        var ex = Assert.Throws<SitesFileException>(() => SitesCatalog.Load(file));
        Assert.Equal(file, ex.File);
        Assert.StartsWith("linje 3", ex.Position, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "version": 1, "sites": [ { "id": "a", "startUrls": [ "htp//x" ] } ] }""", "$.sites[0].startUrls[0]")]
    [InlineData("""{ "version": 1, "sites": [ { "id": "A B", "startUrls": [ "https://x.no/" ] } ] }""", "$.sites[0].id")]
    [InlineData("""{ "version": 1, "sites": [ { "id": "a", "startUrls": [ "https://x.no/" ], "scope": { "maxPages": 0 } } ] }""", "$.sites[0].scope.maxPages")]
    [InlineData("""{ "version": 1, "sites": [ { "id": "a", "startUrls": [ "https://x.no/" ], "scope": { "exclude": [ "(" ] } } ] }""", "$.sites[0].scope.exclude[0]")]
    [InlineData("""{ "version": 2 }""", "$.version")]
    [InlineData("""{ "version": 1, "sites": [ { "id": "a", "startUrls": [ "https://x.no/" ], "subscriptions": [ { "id": "red", "webhookUrl": "https://h.no/1" }, { "id": "red", "webhookUrl": "https://h.no/2" } ] } ] }""", "$.sites[0].subscriptions[1].id")]
    public void InvalidValue_NamesTheJsonPath(string json, string position)
    {
        var ex = Assert.Throws<SitesFileException>(() => SitesCatalog.Load(Temp(json)));
        Assert.Equal(position, ex.Position);
    }

    [Fact]
    public void UnknownProperty_IsAnError_NotSilentlyIgnored()
    {
        var ex = Assert.Throws<SitesFileException>(() => SitesCatalog.Load(Temp("""{ "version": 1, "sites": [ { "id": "a", "startUrl": "https://x.no/" } ] }""")));
        Assert.Contains("startUrl", ex.Problem, StringComparison.Ordinal);
    }

    private static string Temp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sites-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}
