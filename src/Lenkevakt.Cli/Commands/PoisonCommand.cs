using System.CommandLine;
using Lenkevakt.Pipeline;
using Lenkevakt.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Cli.Commands;

/// <summary><c>lenkevakt poison list|replay</c>: read the poison queues (each message with its error) and send messages back.</summary>
public static class PoisonCommand
{
    public static Command Create()
    {
        var queue = new Option<string?>("--queue") { Description = "crawl-site, findings, site-crawled or alerts (default: all)." };
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
                r.AddError("Say which: --id ID, or --all.");
            }
        });
        replay.SetAction(async (p, ct) => await ExportCommand.WithStorageAsync(async (services, token) =>
        {
            var count = await services.GetRequiredService<PoisonQueues>().ReplayAsync(p.GetValue(queue), p.GetValue(id), token).ConfigureAwait(false);
            Console.Error.WriteLine($"{count} melding(er) sendt tilbake til køen. Run 'lenkevakt run' or a worker to process them.");
        }, ct).ConfigureAwait(false));

        poison.Subcommands.Add(list);
        poison.Subcommands.Add(replay);
        return poison;
    }
}
