using System.CommandLine;
using Lenkevakt.Cli.Hosting;
using Lenkevakt.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Cli.Commands;

/// <summary>
/// <c>lenkevakt forget --site ID [--yes] [--storage-prefix P]</c>: removes a site's stored rows (a thin adapter over
/// <see cref="ForgetSiteHandler"/>), after a confirmation on the terminal. Without a terminal it refuses unless <c>--yes</c>
/// is given (exit 2), so a script cannot delete by accident.
/// </summary>
public static class ForgetCommand
{
    public static Command Create()
    {
        var site = new Option<string>("--site") { Description = "The site id to forget (as in the sites file, the dashboard or 'export findings').", Required = true };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation (needed when standard input is not a terminal)." };
        var storagePrefix = CliOptions.StoragePrefix();
        var command = new Command("forget", "Remove a site's rows from storage: findings, pages, dashboard, content, runs, alert log, checkpoints and its host's link-status cache (for sites removed from the catalogue).");
        command.Options.Add(site);
        command.Options.Add(yes);
        command.Options.Add(storagePrefix);
        command.SetAction(async (p, ct) =>
        {
            var id = p.GetValue(site)!;
            var confirmed = p.GetValue(yes);
            var code = ExitCodes.Ok;
            var storage = await ExportCommand.WithStorageAsync(async (services, token) =>
            {
                var handler = services.GetRequiredService<ForgetSiteHandler>();
                var found = await handler.CountAsync(id, token).ConfigureAwait(false);
                if (found.Total == 0)
                {
                    throw new UsageException($"--site: fant ingen data for «{id}» i lagringen ({services.GetRequiredService<Lenkevakt.Storage.StorageClients>().Names.Prefix switch { "" => "standardprefikset", var x => $"prefikset «{x}»" }}).");
                }

                if (!confirmed)
                {
                    if (Console.IsInputRedirected)
                    {
                        throw new UsageException($"forget: standard input er ikke en terminal; legg til --yes for å slette «{id}» uten å bli spurt.");
                    }

                    Console.Error.Write($"Slette alle data for «{id}» ({Describe(found)})? Skriv «ja» for å slette: ");
                    var answer = Console.ReadLine();
                    if (!string.Equals(answer?.Trim(), "ja", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer?.Trim(), "j", StringComparison.OrdinalIgnoreCase))
                    {
                        Console.Error.WriteLine("Avbrutt: ingenting er slettet.");
                        code = ExitCodes.Interrupted;
                        return;
                    }
                }

                var removed = await handler.HandleAsync(id, token).ConfigureAwait(false);
                Console.WriteLine($"Slettet «{id}»: {Describe(removed)}.");
            }, ct, CliOptions.StorageOverrides(p.GetValue(storagePrefix))).ConfigureAwait(false);
            return storage != ExitCodes.Ok ? storage : code;
        });
        return command;
    }

    private static string Describe(SiteRows r) =>
        $"{r.Findings} funn, {r.Pages} sider, {r.Dashboard} dashbordrader, {r.SiteContent} innholdsrad(er), {r.Runs} kjøringsrader, " +
        $"{r.AlertLog} varslingslogg, {r.LinkStatus} lenkestatuser, {r.Checkpoints} sjekkpunkt(er)";
}
