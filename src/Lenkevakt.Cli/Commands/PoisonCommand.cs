using System.CommandLine;
using Lenkevakt.Cli.Hosting;
using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Lenkevakt.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Cli.Commands;

/// <summary><c>lenkevakt poison list|replay</c>: read the poison queues (each message with its error) and send messages back.</summary>
public static class PoisonCommand
{
    public static Command Create()
    {
        var queue = CliOptions.OptionalChoice("--queue", "crawl-site, findings, site-crawled or alerts (default: all).", [.. StorageNames.PipelineQueues, .. StorageNames.PipelineQueues.Select(q => q + StorageNames.PoisonSuffix)]);
        var poison = new Command("poison", "Messages that failed repeatedly, with their errors; replay them once the cause is fixed.");

        var list = new Command("list", "List poison messages as JSON: queue, id, failedAt, dequeueCount, errorType, error, message.");
        list.Options.Add(queue);
        list.SetAction(async (p, ct) => await ExportCommand.WithStorageAsync(async (services, token) =>
        {
            var items = await services.GetRequiredService<PoisonQueues>().ListAsync(p.GetValue(queue), token).ConfigureAwait(false);
            await ExportCommand.WriteAsync(null, w => w.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(items, ExportJson.Options))).ConfigureAwait(false);
        }, ct).ConfigureAwait(false));

        var id = new Option<string?>("--id") { Description = "Only this message id (from 'poison list')." };
        var all = new Option<bool>("--all") { Description = "Replay every message of the selected queue(s)." };
        var replay = new Command("replay", "Send poison messages back to their queue (the original body) and remove them from the poison queue.");
        replay.Options.Add(queue);
        replay.Options.Add(id);
        replay.Options.Add(all);
        replay.Validators.Add(r =>
        {
            if (r.GetResult(id) is null && r.GetResult(all) is null)
            {
                r.AddError("--id eller --all: si hvilke meldinger som skal sendes tilbake (--id ID fra «poison list», eller --all).");
            }
        });
        replay.SetAction(async (p, ct) => await ExportCommand.WithStorageAsync(async (services, token) =>
        {
            var count = await services.GetRequiredService<PoisonQueues>().ReplayAsync(p.GetValue(queue), p.GetValue(id), token).ConfigureAwait(false);
            if (count == 0 && p.GetValue(id) is { } missing)
            {
                throw new UsageException($"--id: fant ingen melding med id «{missing}» i giftkøene{(p.GetValue(queue) is { } q ? $" for {q}" : "")}; se «{CliCommandName.Current} poison list».");
            }

            Console.Error.WriteLine($"{count} melding(er) sendt tilbake til køen. Kjør «{CliCommandName.Current} run» eller en worker for å behandle dem.");
        }, ct).ConfigureAwait(false));

        poison.Subcommands.Add(list);
        poison.Subcommands.Add(replay);
        return poison;
    }
}
