using System.CommandLine;
using Lenkevakt.Cli.Demo;
using Lenkevakt.Cli.Hosting;
using Lenkevakt.Cli.Serve;
using Spectre.Console;

namespace Lenkevakt.Cli.Commands;

/// <summary>
/// <c>lenkevakt demo [--serve-only | --serve]</c>: serves the bundled sample web on loopback (fixed default ports,
/// <see cref="DemoSites.DefaultPorts"/>, with a fallback to free ports) and runs the full cycle against it — real output
/// with no internet. It ends by printing the <c>serve</c>/<c>report</c> commands for its storage prefix; <c>--serve</c>
/// keeps the dashboard (and the sample sites) up after the run.
/// </summary>
public static class DemoCommand
{
    public const string StoragePrefix = "demo";

    public static Command Create()
    {
        var serveOnly = new Option<bool>("--serve-only") { Description = "Only serve the sample sites (Ctrl+C stops), to browse them or crawl them with another tool." };
        var serve = new Option<bool>("--serve") { Description = "After the run, keep the dashboard (http://127.0.0.1:8080/, or a free port) and the sample sites up until Ctrl+C." };
        var command = new Command("demo", "Serve the bundled sample sites on 127.0.0.1 (ports 18081-18084, or free ones when busy) and run the nightly cycle against them (storage prefix 'demo').");
        command.Options.Add(serveOnly);
        command.Options.Add(serve);
        command.Validators.Add(r =>
        {
            if (r.GetResult(serveOnly) is not null && r.GetResult(serve) is not null)
            {
                r.AddError("--serve-only og --serve kan ikke brukes sammen: velg én.");
            }
        });
        command.SetAction(async (p, ct) =>
        {
            var root = DemoSites.FindRoot();
            if (root is null)
            {
                await Console.Error.WriteLineAsync("Fant ikke samples/demo: kjør demo fra repositoriet (eller en mappe under det).").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await using var web = await SampleWebServer.StartAsync(root, ct, DemoSites.DefaultPorts).ConfigureAwait(false);
            foreach (var (name, uri) in web.Sites)
            {
                AnsiConsole.WriteLine($"  {name,-12} {uri}");
            }

            foreach (var (name, port) in web.PortFallbacks)
            {
                Console.WriteLine($"  Port {port} var opptatt; {name} bruker {web.Sites[name]} (funnene er de samme: porten på 127.0.0.1 er ikke med i funn-id-ene).");
            }

            if (p.GetValue(serveOnly))
            {
                AnsiConsole.WriteLine("Eksempelnettstedene kjører; Ctrl+C stopper.");
                await WaitAsync(ct).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var sites = DemoSites.Load(root, web.Sites);
            var prefix = Environment.GetEnvironmentVariable("Lenkevakt__Storage__NamePrefix") ?? StoragePrefix;
            var overrides = new Dictionary<string, string?>
            {
                [StorageOptionsKeys.NamePrefix] = prefix,
                ["Lenkevakt:Crawl:HostMinInterval"] = "00:00:00",
            };
            var code = await RunCommand.ExecuteAsync(overrides, null, [], null, null, null, null, null, ct, _ => sites).ConfigureAwait(false);
            if (!p.GetValue(serve) || code is not (ExitCodes.Ok or ExitCodes.FindingsFound))
            {
                return code;
            }

            return await ExportCommand.WithStorageAsync(async (services, token) =>
            {
                DashboardServer server;
                try
                {
                    server = await DashboardServer.StartAsync(services, 8080, token).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    server = await DashboardServer.StartAsync(services, 0, token).ConfigureAwait(false);
                }

                await using (server.ConfigureAwait(false))
                {
                    Console.WriteLine($"Demo-dashbord: {server.Url} (rapport: {server.Url}report) – eksempelnettstedene kjører også; Ctrl+C stopper.");
                    await WaitAsync(token).ConfigureAwait(false);
                }
            }, ct, CliOptions.StorageOverrides(prefix)).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task WaitAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
