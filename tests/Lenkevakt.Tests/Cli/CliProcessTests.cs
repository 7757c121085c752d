using System.Diagnostics;
using Lenkevakt.Cli.Demo;
using Lenkevakt.Tests.Infrastructure;

namespace Lenkevakt.Tests.Cli;

/// <summary>The real <c>lenkevakt</c> process, as a user runs it.</summary>
[Collection(AzuriteCollection.Name)]
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

        Assert.NotEqual(0, code);
        Assert.Contains("not an absolute http(s) URL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunUrl_WithAllowPrivate_ChecksTheSite_AndExportsItsFindings()
    {
        await using var web = await SampleWebServer.StartAsync(TestServices.SamplesRoot(), CancellationToken.None);
        var env = new Dictionary<string, string>
        {
            ["Lenkevakt__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Lenkevakt__Storage__NamePrefix"] = TestServices.UniquePrefix(),
        };
        var csv = Path.Combine(Path.GetTempPath(), $"lenkevakt-{Guid.NewGuid():N}.csv");

        var (code, output) = await RunAsync(["run", "--url", web.Sites["fjordvik"].AbsoluteUri, "--allow-private", "--host-delay", "0", "--export", csv], env);

        Assert.True(code == 0, output);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.StartsWith("SiteId,PageUrl,Kind,Target,Status,StatusCode,Severity,FirstSeen", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(",server-error,", StringComparison.Ordinal) && l.Contains("/tjenester/timebestilling", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",file-link,", StringComparison.Ordinal));
        Assert.Contains("Kjøring", output, StringComparison.Ordinal);
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
        Assert.Contains("Cannot reach Azure Storage", output, StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", output, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Output)> RunAsync(string[] args, IReadOnlyDictionary<string, string> env, TimeSpan? timeout = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Lenkevakt.Cli.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
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
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
