using System.Diagnostics;
using System.Text.RegularExpressions;
using Lenkevakt.Tests.Infrastructure;

namespace Lenkevakt.Tests.Cli;

/// <summary>Issue 12: a run killed with <c>kill -9</c> half-way and then resumed reports the same new/fixed counts as an uninterrupted run.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class KilledRunCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RunKilledMidCrawl_ThenRunAgain_ReportsTheSameNewAndFixedCountsAsACleanRun()
    {
        await using var web = await NightlySite.StartAsync(pages: 60, delay: TimeSpan.FromMilliseconds(40));
        var clean = TestServices.UniquePrefix();
        var killed = TestServices.UniquePrefix();

        web.Broken = new HashSet<int> { 1, 2, 3, 4, 5 };
        foreach (var prefix in new[] { clean, killed })
        {
            var (code, output) = await CliProcessTests.RunAsync(Args(web.BaseUri, prefix), Env(prefix), TimeSpan.FromMinutes(3), stdoutOnly: true);
            Assert.True(code == 0, output);
        }

        web.Broken = new HashSet<int> { 3, 4, 5, 6, 7, 8 }; // 1 and 2 fixed, 6, 7 and 8 broken
        var cleanStart = web.PageRequests;
        var (cleanCode, cleanOutput) = await CliProcessTests.RunAsync(Args(web.BaseUri, clean), Env(clean), TimeSpan.FromMinutes(3), stdoutOnly: true);
        Assert.True(cleanCode == 0, cleanOutput);
        var cleanPages = web.PageRequests - cleanStart;
        Assert.Equal((3, 2), Counts(cleanOutput));

        // The same night in the other storage, killed with SIGKILL once a part of the pages is fetched.
        var killStart = web.PageRequests;
        using (var process = Start(Args(web.BaseUri, killed), Env(killed)))
        {
            var deadline = Stopwatch.StartNew();
            while (web.PageRequests - killStart < 20 && !process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20);
            }

            Assert.False(process.HasExited, "the run ended before it could be killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var resumeStart = web.PageRequests;
        var (code2, resumed) = await CliProcessTests.RunAsync(Args(web.BaseUri, killed), Env(killed), TimeSpan.FromMinutes(3), stdoutOnly: true);

        Assert.True(code2 == 0, resumed);
        Assert.Equal(Counts(cleanOutput), Counts(resumed));
        Assert.Equal(OpenFindings(cleanOutput), OpenFindings(resumed));
        var resumedPages = web.PageRequests - resumeStart;
        Assert.True(resumedPages < cleanPages, $"the resumed run fetched {resumedPages} pages, a whole run {cleanPages}: it did not continue from the checkpoint");
    }

    private static string[] Args(Uri url, string prefix) =>
        ["run", "--url", url.AbsoluteUri, "--allow-private", "--host-delay", "0", "--max-pages", "50", "--storage-prefix", prefix];

    private Dictionary<string, string> Env(string prefix) => new()
    {
        ["Lenkevakt__Storage__ConnectionString"] = azurite.ConnectionString,
        ["Lenkevakt__Storage__NamePrefix"] = prefix,
        ["Lenkevakt__Crawl__HostConcurrency"] = "1",
        ["Lenkevakt__Crawl__CheckpointInterval"] = "00:00:00.200",
    };

    private static (int New, int Fixed) Counts(string output)
    {
        var m = Regex.Match(output, @"Sammendrag: .*, (\d+) nye, (\d+) rettet\.");
        Assert.True(m.Success, output);
        return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string OpenFindings(string output) => Regex.Match(output, @"Sammendrag: .*?(\d+ åpne funn \(\d+ feil, \d+ advarsler\))").Groups[1].Value;

    private static Process Start(string[] args, IReadOnlyDictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lenkevakt.Cli.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
