using System.Diagnostics;
using System.Net;
using Lenkevakt.Tests.Infrastructure;

namespace Lenkevakt.Tests.Cli;

/// <summary><c>lenkevakt report</c> and <c>lenkevakt serve</c> as real processes.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReportServeCliTests(AzuriteFixture azurite, ITestOutputHelper log)
{
    [Fact]
    public async Task Report_UnknownCounty_IsAUsageError_NamingTheKnownCounties()
    {
        var (code, output) = await CliProcessTests.RunAsync(["report", "--fylke", "Narnia"], Env());

        Assert.Equal(2, code);
        Assert.Contains("Ukjent fylke «Narnia»", output, StringComparison.Ordinal);
        Assert.Contains("Vestland (46)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_CsvForOneCounty_IsWrittenToTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lenkevakt-report-{Guid.NewGuid():N}.csv");

        var (code, output) = await CliProcessTests.RunAsync(["report", "--fylke", "46", "--format", "csv", "--out", file], Env());

        Assert.True(code == 0, output);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.StartsWith("fylkesnummer,fylke,kommunenummer,kommune,status,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (43 * 14), lines.Length); // Vestland's 43 municipalities × 14 rules, none checked in this empty storage
        Assert.All(lines.Skip(1), l => Assert.StartsWith("46,Vestland,", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Contains(",not-checked,", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_AnswersOn127001_AndStopsOnCtrlC()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Lenkevakt.Cli.dll"), "serve", "--port", "0" })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in Env())
        {
            psi.Environment[k] = v;
        }

        using var process = new Process { StartInfo = psi };
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lines.Enqueue(line);
                var at = line.IndexOf("http://127.0.0.1:", StringComparison.Ordinal);
                if (at >= 0)
                {
                    address.TrySetResult(new Uri(line[at..].Split(' ')[0]));
                }
            }
        };
        process.ErrorDataReceived += (_, e) => lines.Enqueue("stderr: " + e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await address.Task.WaitAsync(TimeSpan.FromMinutes(2)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
            Assert.True(url is not null, "serve printed no address: " + string.Join("\n", lines));
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            log.WriteLine($"{TimeProvider.System.GetLocalNow():HH:mm:ss.fff} GET /");
            var page = await http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("Ingen nettsteder er sjekket ennå", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using (var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/")))
            {
                Assert.Equal(HttpStatusCode.OK, head.StatusCode);
                Assert.Equal("text/html", head.Content.Headers.ContentType!.MediaType);
                Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            }

            var unknownSite = await http.GetAsync("/site/kommune-0000"); // redirected to /?site=kommune-0000
            Assert.Equal(HttpStatusCode.NotFound, unknownSite.StatusCode);
            Assert.Contains("Fant ikke nettstedet", await unknownSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var bad = await http.GetAsync("/report?format=pdf");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("Ukjent format «pdf»", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var report = await http.GetAsync("/report?fylke=03&format=json");
            Assert.Equal("dekningsrapport-oslo-", report.Content.Headers.ContentDisposition!.FileName!.Trim('"')[..21]);

            // SIGTERM, which the CLI handles exactly like Ctrl+C (SIGINT): a process started from a background job of a
            // non-interactive shell inherits SIGINT as ignored (POSIX), and serve then never saw the test's SIGINT.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            // Alone it stops in about a second; in the full suite on two cores the CLI's shutdown (Kestrel, then its
            // Azurite child) took over 30 s twice in CI (2026-12-02), so allow 90 s: a serve that never stops still fails.
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                // WaitForExitAsync also waits for the end of the redirected output; whether serve itself stopped is below.
            }

            Assert.True(process.HasExited, $"serve still running 90 s after Ctrl+C: {string.Join("\n", lines)}");
            Assert.True(process.ExitCode is 0 or 130, $"exit code {process.ExitCode}: {string.Join("\n", lines)}");
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/"));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private Dictionary<string, string> Env() => new()
    {
        ["Lenkevakt__Storage__ConnectionString"] = azurite.ConnectionString,
        ["Lenkevakt__Storage__NamePrefix"] = TestServices.UniquePrefix(),
        ["Lenkevakt__Sites__Path"] = Path.Combine(TestServices.RepoRoot(), "config", "sites.json"),
        ["Lenkevakt__Reports__MunicipalitiesCsv"] = Path.Combine(TestServices.RepoRoot(), "config", "kommuner.csv"),
    };
}
