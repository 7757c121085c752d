using System.CommandLine;
using Cronos;
using Lenkevakt.Cli.Hosting;
using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Lenkevakt.Cli.Commands;

/// <summary><c>lenkevakt worker</c>: long-running; plans runs on the cron schedule and consumes the queues. Ctrl+C stops it gracefully.</summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var noSchedule = new Option<bool>("--no-schedule") { Description = "Only consume queues; never plan runs (for extra workers next to a scheduling one)." };
        var flags = new CrawlFlags();
        var command = new Command("worker", "Run as a long-lived worker: plan runs on the schedule (default 02:00 Europe/Oslo) and process the queues. Several workers can share one storage account.");
        command.Options.Add(noSchedule);
        flags.AddTo(command);
        command.SetAction(async (p, ct) =>
        {
            var builder = CliHost.CreateBuilder(flags.Overrides(p), LogLevel.Information);
            builder.Services.AddHostedService(sp => new WorkerService(sp, scheduling: !p.GetValue(noSchedule)));
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
            using var host = CliHost.Build(builder);
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("lenkevakt");
            await using var storage = await RunCommand.StartStorageAsync(host, logger, AnsiConsole.Console, ct).ConfigureAwait(false);
            if (storage.Failed)
            {
                return ExitCodes.StorageUnavailable;
            }

            try
            {
                if (!p.GetValue(noSchedule))
                {
                    // Fail now, not at 02:00: a scheduling worker needs a valid sites file.
                    var count = host.Services.GetRequiredService<Lenkevakt.Sites.ISiteCatalog>().GetSites().Count;
                    logger.LogInformation("{Count} nettsteder i nettstedsfilen", count);
                }

                await host.Services.GetRequiredService<StorageProvisioner>().EnsureAsync(ct).ConfigureAwait(false);
                await host.RunAsync(ct).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (StorageUnavailableException ex)
            {
                await Console.Error.WriteLineAsync($"Lagring utilgjengelig: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.StorageUnavailable;
            }
            catch (Lenkevakt.Sites.SitesFileException ex)
            {
                await Console.Error.WriteLineAsync($"Ugyldig nettstedsfil: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    /// <summary>
    /// The latest occurrence of <paramref name="cron"/> in [<paramref name="now"/> − <paramref name="window"/>,
    /// <paramref name="now"/>): the night a worker that was down missed. Null when there is none or catching up is off
    /// (a zero window). Planning it is idempotent (the run id comes from the occurrence), so it runs once.
    /// </summary>
    public static DateTimeOffset? MissedOccurrence(CronExpression cron, TimeZoneInfo zone, DateTimeOffset now, TimeSpan window) =>
        window <= TimeSpan.Zero ? null
        : cron.GetOccurrences(now - window, now, zone, fromInclusive: true, toInclusive: false).Select(o => (DateTimeOffset?)o).LastOrDefault();

    /// <summary>The worker: the queue pump plus a cron loop (Cronos, in the configured IANA zone) that plans scheduled runs.</summary>
    private sealed class WorkerService(IServiceProvider services, bool scheduling) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var pump = services.GetRequiredService<QueuePump>().RunAsync(stoppingToken);
            return scheduling ? Task.WhenAll(pump, ScheduleAsync(stoppingToken)) : pump;
        }

        private async Task ScheduleAsync(CancellationToken ct)
        {
            var o = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
            var time = services.GetRequiredService<TimeProvider>();
            var planner = services.GetRequiredService<PlanRunHandler>();
            var logger = services.GetRequiredService<ILogger<WorkerService>>();
            var cron = CronExpression.Parse(o.Cron);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone);
            var now = time.GetUtcNow();
            var missed = MissedOccurrence(cron, zone, now, o.MissedRunWindow);
            if (missed is { } past)
            {
                logger.LogInformation("Planlegger den tapte kjøringen fra {Missed:u} ({Zone} {Local:yyyy-MM-dd HH:mm}); er den alt planlagt, skjer ingenting", past, o.TimeZone, TimeZoneInfo.ConvertTime(past, zone));
            }

            var next = missed ?? cron.GetNextOccurrence(now, zone);
            while (next is { } occurrence && !ct.IsCancellationRequested)
            {
                logger.LogInformation("Neste planlagte kjøring: {Next:u} ({Zone} {Local:yyyy-MM-dd HH:mm})", occurrence, o.TimeZone, TimeZoneInfo.ConvertTime(occurrence, zone));
                try
                {
                    var wait = occurrence - time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, ct).ConfigureAwait(false);
                    }

                    await planner.PlanScheduledAsync(occurrence, ct).ConfigureAwait(false);
                    next = cron.GetNextOccurrence(occurrence, zone);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is Azure.RequestFailedException or StorageUnavailableException or HttpRequestException)
                {
                    // Same occurrence again: its run id is derived from the time, so a retry plans that run, once.
                    logger.LogError(ex, "Kunne ikke planlegge kjøringen {Occurrence:u}; prøver igjen om et minutt", occurrence);
                    await Task.Delay(TimeSpan.FromMinutes(1), time, ct).ConfigureAwait(false);
                }
            }
        }
    }
}
