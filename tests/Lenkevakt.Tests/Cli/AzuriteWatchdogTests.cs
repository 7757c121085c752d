using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Lenkevakt.Tests.Cli;

/// <summary>
/// Issue 10: after kill -9 of the CLI, the Azurite it had started kept running, orphaned, holding its ports and data
/// folder. The emulator now runs under tools/azurite/watchdog.js, which stops it when the CLI's process is gone.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AzuriteWatchdogTests
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public async Task KilledCli_DoesNotLeaveItsAzuriteRunning()
    {
        int Free()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var (blob, queue, table) = (Free(), Free(), Free());
        var data = Path.Combine(Path.GetTempPath(), "lenkevakt-tests", "watchdog-" + Guid.NewGuid().ToString("N")[..8]);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lenkevakt.Cli.dll"));
        psi.ArgumentList.Add("worker");
        psi.ArgumentList.Add("--no-schedule");
        psi.Environment["Lenkevakt__Storage__ConnectionString"] =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        psi.Environment["Lenkevakt__Storage__AzuriteLocation"] = data;
        psi.Environment["Lenkevakt__Storage__NamePrefix"] = "watchdog";
        using var cli = Process.Start(psi)!;
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        cli.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Regex.Match(line, @"Azurite .*\(pid (\d+)\)") is { Success: true } m)
            {
                started.TrySetResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        cli.ErrorDataReceived += (_, _) => { };
        cli.BeginOutputReadLine();
        cli.BeginErrorReadLine();
        try
        {
            var azuritePid = await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
            using var azurite = Process.GetProcessById(azuritePid);

            cli.Kill(entireProcessTree: false); // SIGKILL: no shutdown code of the CLI runs.
            await cli.WaitForExitAsync();

            using var gone = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await azurite.WaitForExitAsync(gone.Token);
            Assert.True(azurite.HasExited);
        }
        finally
        {
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
            }
        }
    }
}
