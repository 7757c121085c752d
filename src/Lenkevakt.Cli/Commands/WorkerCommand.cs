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
            using var host = builder.Build();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("lenkevakt");
            await using var storage = await RunCommand.StartStorageAsync(host, logger, AnsiConsole.Console, ct).ConfigureAwait(false);
            if (storage.Failed)
            {
                return ExitCodes.StorageUnavailable;
            }

            try
            {
                await host.Services.GetRequiredService<StorageProvisioner>().EnsureAsync(ct).ConfigureAwait(false);
                await host.RunAsync(ct).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (StorageUnavailableException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Lagring utilgjengelig / storage unavailable:[/] {ex.Message}");
                return ExitCodes.StorageUnavailable;
            }
        });
        return command;
    }

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
            while (!ct.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                if (cron.GetNextOccurrence(now, zone) is not { } next)
                {
                    return;
                }

                logger.LogInformation("Next scheduled run at {Next} ({Zone} {Local})", next, o.TimeZone, TimeZoneInfo.ConvertTime(next, zone));
                try
                {
                    await Task.Delay(next - now, time, ct).ConfigureAwait(false);
                    await planner.PlanScheduledAsync(next, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is Azure.RequestFailedException or StorageUnavailableException)
                {
                    logger.LogError(ex, "Could not plan the scheduled run; trying again in a minute");
                    await Task.Delay(TimeSpan.FromMinutes(1), time, ct).ConfigureAwait(false);
                }
            }
        }
    }
}
