using System.CommandLine;
using Lenkevakt.Cli.Demo;
using Lenkevakt.Cli.Hosting;
using Spectre.Console;

namespace Lenkevakt.Cli.Commands;

/// <summary><c>lenkevakt demo</c>: serves the bundled sample web on loopback and runs the full cycle against it — real output with no internet.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var serveOnly = new Option<bool>("--serve-only") { Description = "Only serve the sample sites (Ctrl+C stops), to browse them or crawl them with another tool." };
        var command = new Command("demo", "Serve the bundled sample sites on 127.0.0.1 and run the nightly cycle against them (storage prefix 'demo').");
        command.Options.Add(serveOnly);
        command.SetAction(async (p, ct) =>
        {
            var root = DemoSites.FindRoot();
            if (root is null)
            {
                await Console.Error.WriteLineAsync("Fant ikke samples/demo: kjør demo fra repositoriet (eller en mappe under det).").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await using var web = await SampleWebServer.StartAsync(root, ct).ConfigureAwait(false);
            foreach (var (name, uri) in web.Sites)
            {
                AnsiConsole.WriteLine($"  {name,-12} {uri}");
            }

            if (p.GetValue(serveOnly))
            {
                AnsiConsole.WriteLine("Eksempelnettstedene kjører; Ctrl+C stopper.");
                try
                {
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }

                return ExitCodes.Ok;
            }

            var sites = DemoSites.Load(root, web.Sites);
            var overrides = new Dictionary<string, string?>
            {
                ["Lenkevakt:Storage:NamePrefix"] = Environment.GetEnvironmentVariable("Lenkevakt__Storage__NamePrefix") ?? "demo",
                ["Lenkevakt:Crawl:HostMinInterval"] = "00:00:00",
            };
            return await RunCommand.ExecuteAsync(overrides, null, [], null, null, null, null, null, ct, _ => sites).ConfigureAwait(false);
        });
        return command;
    }
}
