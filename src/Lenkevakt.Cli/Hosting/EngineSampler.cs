using System.Diagnostics;
using System.Globalization;
using Lenkevakt.Crawling;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Cli.Hosting;

/// <summary>
/// For benchmarks: when <c>LENKEVAKT_ENGINE_SAMPLES</c> names a file, the crawl engine's budgets are written there as
/// tab-separated lines every half second while a run works (sites in flight and stepped aside, pages parsed and
/// waiting to be parsed, pages in hand, requests in flight, the thread pool's queue, collections so far, CPU seconds),
/// so a benchmark can see which budget a run waits on.
/// </summary>
public static class EngineSampler
{
    public const string Variable = "LENKEVAKT_ENGINE_SAMPLES";

    public static async Task RunAsync(IServiceProvider services, TimeProvider time, CancellationToken ct)
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var admission = services.GetRequiredService<SiteAdmission>();
        var parsing = services.GetRequiredService<ParseGate>();
        var hosts = services.GetRequiredService<HostGate>();
        await using var output = new StreamWriter(path, append: false);
        await output.WriteLineAsync("t\tsites\taside\tparsing\tparse_waiting\tin_hand\trequests\tpool_queue\tpool_threads\tgc0\tgc1\tgc2\tgc_pause_s\talloc_mb\tcpu_s").ConfigureAwait(false);
        var started = time.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                process.Refresh();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{time.GetElapsedTime(started).TotalSeconds:0.0}\t{admission.InFlight}\t{admission.Aside}\t{parsing.InUse}\t{parsing.Waiting}\t{parsing.InHand}\t{hosts.RequestsInFlight}\t{ThreadPool.PendingWorkItemCount}\t{ThreadPool.ThreadCount}\t{GC.CollectionCount(0)}\t{GC.CollectionCount(1)}\t{GC.CollectionCount(2)}\t{GC.GetTotalPauseDuration().TotalSeconds:0.00}\t{GC.GetTotalAllocatedBytes() / (1024 * 1024)}\t{process.TotalProcessorTime.TotalSeconds:0.00}")).ConfigureAwait(false);
                await output.FlushAsync(ct).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
