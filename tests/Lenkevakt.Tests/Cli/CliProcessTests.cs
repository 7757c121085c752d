using System.Diagnostics;
using Lenkevakt.Cli.Demo;
using Lenkevakt.Tests.Infrastructure;

namespace Lenkevakt.Tests.Cli;

/// <summary>The real <c>lenkevakt</c> process, as a user runs it.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CliProcessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RunUrl_LoopbackWithoutAllowPrivate_IsRefusedWithAClearMessage()
    {
        var (code, output) = await RunAsync(["run", "--url", "http://127.0.0.1:9/"], new Dictionary<string, string>());

        Assert.Equal(2, code);
        Assert.Contains("--allow-private", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunUrl_NotAUrl_IsAUsageError()
    {
        var (code, output) = await RunAsync(["run", "--url", "helsenorge"], new Dictionary<string, string>());

        Assert.Equal(2, code);
        Assert.Contains("--url: «helsenorge» er ikke en absolutt http(s)-adresse.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunUrl_WithAllowPrivate_ChecksTheSite_AndExportsItsFindings()
    {
        await using var web = await SampleWebServer.StartAsync(TestServices.SamplesRoot(), CancellationToken.None);
        var prefix = TestServices.UniquePrefix();
        var env = new Dictionary<string, string>
        {
            ["Lenkevakt__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Lenkevakt__Storage__NamePrefix"] = prefix,
            ["Lenkevakt__Storage__AdHocNamePrefix"] = prefix, // run --url writes here: the exports below read the same namespace
        };
        var csv = Path.Combine(Path.GetTempPath(), $"lenkevakt-{Guid.NewGuid():N}.csv");

        var (code, output) = await RunAsync(["run", "--url", web.Sites["fjordvik"].AbsoluteUri, "--allow-private", "--host-delay", "0", "--export", csv], env);

        Assert.True(code == 0, output);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal("siteId,pageUrl,kind,target,status,statusCode,severity,firstSeen,lastSeen,scope,location,message,id", lines[0]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,"));
        Assert.DoesNotContain(lines, l => l.Contains("+00:00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",server-error,", StringComparison.Ordinal) && l.Contains("/tjenester/timebestilling", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",file-link,", StringComparison.Ordinal));
        Assert.Contains("Kjøring", output, StringComparison.Ordinal);

        // The content exports of the same storage: outcomes by name in JSON, the same camelCase names in CSV.
        var (pagesCode, pagesJson) = await RunAsync(["export", "pages", "--format", "json"], env, stdoutOnly: true);
        Assert.True(pagesCode == 0, pagesJson);
        using var pages = System.Text.Json.JsonDocument.Parse(pagesJson);
        var outcomes = pages.RootElement.EnumerateArray().SelectMany(p => p.GetProperty("rules").EnumerateArray()).Select(r => r.GetProperty("outcome").GetString()).ToHashSet();
        Assert.NotEmpty(outcomes);
        Assert.Subset(new HashSet<string?> { "met", "not-met", "not-applicable" }, outcomes);
        var (sitesCode, sitesCsv) = await RunAsync(["export", "sites", "--format", "csv"], env, stdoutOnly: true);
        Assert.True(sitesCode == 0, sitesCsv);
        Assert.StartsWith("siteId,siteName,siteKind,pages,", sitesCsv, StringComparison.Ordinal);
        Assert.Matches(@",(met|not-met|not-applicable)", sitesCsv);
    }

    [Fact]
    public async Task Run_WithAnInvalidSitesFile_NamesFileAndPosition()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sites-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{ \"version\": 1, \"sites\": [ { \"id\": \"a\", \"startUrls\": [ \"nope\" ] } ] }");

        var (code, output) = await RunAsync(["run", "--sites", file], new Dictionary<string, string>());

        Assert.Equal(2, code);
        Assert.Contains(file, output, StringComparison.Ordinal);
        Assert.Contains("$.sites[0].startUrls[0]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithUnreachableStorage_SaysWhichConnectionAndHowToFix()
    {
        var env = new Dictionary<string, string>
        {
            ["Lenkevakt__Storage__ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=nosuch;AccountKey=bm9rZXk=;QueueEndpoint=http://127.0.0.1:1/nosuch;TableEndpoint=http://127.0.0.1:1/nosuch;BlobEndpoint=http://127.0.0.1:1/nosuch",
            ["Lenkevakt__Storage__AutoStartAzurite"] = "false",
        };

        var (code, output) = await RunAsync(["run", "--url", "https://www.example.no/"], env, TimeSpan.FromMinutes(3));

        Assert.Equal(3, code);
        Assert.Contains("Får ikke kontakt med Azure Storage", output, StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAWrongAccountKey_Exits3_WithAMessageThatNamesTheRefusal()
    {
        var wrongKey = System.Text.RegularExpressions.Regex.Replace(azurite.ConnectionString, "AccountKey=[^;]+", "AccountKey=" + Convert.ToBase64String(new byte[64]));
        var env = new Dictionary<string, string> { ["Lenkevakt__Storage__ConnectionString"] = wrongKey, ["Lenkevakt__Storage__AutoStartAzurite"] = "false" };

        var (code, output) = await RunAsync(["export", "findings"], env);

        Assert.True(code == 3, $"exit {code}: {output}");
        Assert.Contains("Azure Storage nektet tilgang", output, StringComparison.Ordinal);
        Assert.Contains("HTTP 403", output, StringComparison.Ordinal);
        Assert.DoesNotContain("): .", output, StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoisonReplay_UnknownId_Exits2()
    {
        var (code, output) = await RunAsync(["poison", "replay", "--id", "nosuch"], StorageEnv());

        Assert.True(code == 2, $"exit {code}: {output}");
        Assert.Contains("--id: fant ingen melding med id «nosuch»", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Piped_PrintsPlainUnwrappedLines_OnePerSite_AndASummary()
    {
        await using var web = await SampleWebServer.StartAsync(TestServices.SamplesRoot(), CancellationToken.None);
        var env = StorageEnv();
        env["COLUMNS"] = "40"; // a narrow "terminal": nothing may be wrapped or squeezed to it

        var (code, output) = await RunAsync(["run", "--url", web.Sites["fjordvik"].AbsoluteUri, "--allow-private", "--host-delay", "0"], env, stdoutOnly: true);

        Assert.True(code == 0, output);
        Assert.DoesNotContain("│", output, StringComparison.Ordinal);
        Assert.DoesNotContain("╭", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var site = Assert.Single(lines, l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains(": ferdig, ", StringComparison.Ordinal));
        Assert.Matches(@"^  \S+: ferdig, \d+ sider, \d+ lenker sjekket, \d+ åpne funn \(\d+ feil, \d+ advarsler\), \d+ nye, \d+ rettet, helse \d+$", site.TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("Sammendrag: 1 nettsteder, ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_OfflineSite_SummaryNamesItAsNotReached_WithTheReason()
    {
        var env = StorageEnv();
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now: connection refused

        var (code, output) = await RunAsync(["run", "--url", $"http://127.0.0.1:{port}/", "--allow-private"], env, stdoutOnly: true);

        Assert.True(code == 0, output);
        // Refused at once, or after the retries as an open circuit: either way the reason is named, not just "1 feil".
        Assert.Matches($@"  127\.0\.0\.1:{port}: ikke nådd \((tilkoblingen ble avvist|gjentatte tilkoblingsfeil)\)", output);
        Assert.Matches(@"1 av 1 nettsteder svarte ikke \(1 (tilkoblingen ble avvist|gjentatte tilkoblingsfeil)\)", output);
    }

    private Dictionary<string, string> StorageEnv()
    {
        var prefix = TestServices.UniquePrefix();
        return new()
        {
            ["Lenkevakt__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Lenkevakt__Storage__NamePrefix"] = prefix,
            ["Lenkevakt__Storage__AdHocNamePrefix"] = prefix + "adhoc",
        };
    }

    /// <summary>Runs the CLI; with <paramref name="stdin"/>, standard input is redirected (not a terminal) and gets that text.</summary>
    internal static async Task<(int Code, string Output)> RunAsync(string[] args, IReadOnlyDictionary<string, string> env, TimeSpan? timeout = null, bool stdoutOnly = false, string? stdin = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Lenkevakt.Cli.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, WorkingDirectory = Path.GetTempPath() };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["COLUMNS"] = "200";
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, stdoutOnly ? await stdout : await stdout + await stderr);
    }
}
