using Lenkevakt.Tests.Infrastructure;

namespace Lenkevakt.Tests.Cli;

/// <summary>
/// Every argument and configuration error, run as the real process: exit code 2, one Norwegian line naming the
/// problem, no stack trace, and nothing started (each case is refused before storage or a crawl).
/// </summary>
[Trait("Category", "Integration")]
public sealed class CliUsageErrorTests
{
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["rn"], "Ukjent kommando «rn». Mente du «run»?" },
        { [], "Mangler kommando." },
        { ["export"], "Mangler kommando. Kommandoer: findings, pages, sites." },
        { ["run", "--url", "not-a-url"], "--url: «not-a-url» er ikke en absolutt http(s)-adresse." },
        { ["run", "--fail-on", "fatal"], "--fail-on: ukjent verdi «fatal»; gyldige verdier: error, warning." },
        { ["export", "findings", "--format", "xml"], "--format: ukjent verdi «xml»; gyldige verdier: json, csv." },
        { ["report", "--format", "pdf"], "--format: ukjent verdi «pdf»" },
        { ["run", "--host-concurrency", "0"], "--host-concurrency: «0» er ikke et helt tall fra 1 til 256." },
        { ["run", "--max-pages", "-5"], "--max-pages: «-5» er ikke et helt tall fra 1 til 1000000." },
        { ["run", "--max-depth", "many"], "--max-depth: «many» er ikke et helt tall" },
        { ["run", "--accept", "999-abc"], "--accept: «999-abc» er ikke en statuskode" },
        { ["run", "--exclude", "(["], "--exclude: «([» er ikke et gyldig regulært uttrykk" },
        { ["export", "findings", "--out", "/nonexistent/lenkevakt/x.csv"], "--out: mappen «/nonexistent/lenkevakt» finnes ikke." },
        { ["report", "--out", "/nonexistent/lenkevakt/r.html"], "--out: mappen «/nonexistent/lenkevakt» finnes ikke." },
        { ["run", "--export", "funn.txt"], "--export: «funn.txt» må slutte på .csv eller .json." },
        { ["run", "--sites", "a.json", "--url", "https://example.no/"], "--sites og --url kan ikke brukes sammen" },
        { ["poison", "replay"], "--id eller --all" },
        { ["run", "--unknown-flag"], "Ukjent argument «--unknown-flag»." },
        { ["serve", "--storage-prefix", "Demo-1"], "--storage-prefix: «Demo-1» er ikke et gyldig prefiks" },
        { ["demo", "--serve", "--serve-only"], "--serve-only og --serve kan ikke brukes sammen" },
    };

    public static TheoryData<string, string, string[], string> BadSettings => new()
    {
        { "Lenkevakt__Storage__ConnectionString", "garbage", ["export", "findings"], "Ugyldig konfigurasjon i Lenkevakt:Storage: ConnectionString: kan ikke leses" },
        { "Lenkevakt__Storage__NamePrefix", "UPPER", ["export", "findings"], "Ugyldig konfigurasjon i Lenkevakt:Storage: NamePrefix: bare små bokstaver" },
        { "Lenkevakt__Crawl__HostConcurrency", "0", ["run"], "Ugyldig konfigurasjon i Lenkevakt:Crawl: HostConcurrency: må være mellom 1 og 256" },
        { "Lenkevakt__Crawl__Exclude__0", "([", ["run"], "Ugyldig konfigurasjon i Lenkevakt:Crawl: Exclude:0: «([» er ikke et gyldig regulært uttrykk" },
        { "Lenkevakt__Crawl__AcceptedStatusCodes", "999-abc", ["run"], "Ugyldig konfigurasjon i Lenkevakt:Crawl: AcceptedStatusCodes:" },
        { "Lenkevakt__Schedule__Cron", "every night", ["worker"], "Ugyldig konfigurasjon i Lenkevakt:Schedule: Cron: «every night» er ikke et gyldig cron-uttrykk" },
        { "Lenkevakt__Schedule__TimeZone", "Europe/Atlantis", ["worker"], "Ugyldig konfigurasjon i Lenkevakt:Schedule: TimeZone: «Europe/Atlantis» er ingen kjent tidssone" },
        { "Lenkevakt__Alerts__DashboardUrl", "dashbord", ["worker", "--no-schedule"], "Ugyldig konfigurasjon i Lenkevakt:Alerts: DashboardUrl:" },
        { "Lenkevakt__Alerts__MaxItemsPerDigest", "0", ["export", "findings"], "Ugyldig konfigurasjon i Lenkevakt:Alerts: MaxItemsPerDigest: må være mellom 1 og 1000" },
        { "Lenkevakt__Reports__BrokenLinksListed", "-1", ["report"], "Ugyldig konfigurasjon i Lenkevakt:Reports: BrokenLinksListed: må være mellom 0 og 1000" },
        { "Lenkevakt__Dashboard__UncheckedAfterRuns", "0", ["serve"], "Ugyldig konfigurasjon i Lenkevakt:Dashboard: UncheckedAfterRuns: må være mellom 1 og 365" },
        { "Lenkevakt__Storage__AdHocNamePrefix", "Ad-Hoc", ["export", "findings"], "Ugyldig konfigurasjon i Lenkevakt:Storage: AdHocNamePrefix: bare små bokstaver" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task BadArgument_Exits2_WithOneNorwegianLine(string[] args, string expected)
    {
        var (code, output) = await CliProcessTests.RunAsync(args, NoStorage());

        Assert.True(code == 2, $"exit {code}: {output}");
        Assert.Contains(expected, output, StringComparison.Ordinal);
        AssertOneLineWithoutStackTrace(output);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadSetting_IsRefusedAtStart_Exits2(string variable, string value, string[] args, string expected)
    {
        var env = NoStorage();
        env[variable] = value;

        var (code, output) = await CliProcessTests.RunAsync(args, env);

        Assert.True(code == 2, $"exit {code}: {output}");
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains(variable.Split("__")[^1], output, StringComparison.Ordinal);
        Assert.DoesNotContain("garbage", output, StringComparison.Ordinal); // a connection string can hold a key: never echoed
        AssertOneLineWithoutStackTrace(output);
    }

    [Fact]
    public async Task RunFylke_UnknownCounty_ListsTheValidCounties()
    {
        var env = NoStorage();
        env["Lenkevakt__Sites__Path"] = Path.Combine(TestServices.RepoRoot(), "config", "sites.json");

        var (code, output) = await CliProcessTests.RunAsync(["run", "--fylke", "Atlantis"], env);

        Assert.Equal(2, code);
        Assert.Contains("--fylke: ukjent fylke «Atlantis». Kjente fylker:", output, StringComparison.Ordinal);
        Assert.Contains("Vestland (46)", output, StringComparison.Ordinal);
        AssertOneLineWithoutStackTrace(output);
    }

    [Fact]
    public async Task Run_SitesFileWithDuplicateSubscriptionIds_Exits2_NamingThePosition()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sites-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "version": 1, "sites": [ { "id": "a", "startUrls": [ "https://a.example.no/" ], "subscriptions": [
              { "id": "redaksjon", "webhookUrl": "https://hooks.example.no/1" }, { "id": "redaksjon", "webhookUrl": "https://hooks.example.no/2" } ] } ] }
            """);

        var (code, output) = await CliProcessTests.RunAsync(["run", "--sites", file], NoStorage());

        Assert.Equal(2, code);
        Assert.Contains("$.sites[0].subscriptions[1].id", output, StringComparison.Ordinal);
        Assert.Contains("abonnements-id «redaksjon» er alt brukt", output, StringComparison.Ordinal);
    }

    private static void AssertOneLineWithoutStackTrace(string output)
    {
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    /// <summary>Storage that is never reached: every case must stop before it.</summary>
    private static Dictionary<string, string> NoStorage() => new()
    {
        ["Lenkevakt__Storage__ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=nosuch;AccountKey=bm9rZXk=;QueueEndpoint=http://127.0.0.1:1/nosuch;TableEndpoint=http://127.0.0.1:1/nosuch;BlobEndpoint=http://127.0.0.1:1/nosuch",
        ["Lenkevakt__Storage__AutoStartAzurite"] = "false",
    };
}
