using System.CommandLine;
using Lenkevakt.Cli.Hosting;
using Lenkevakt.Reports;
using Lenkevakt.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Lenkevakt.Cli.Commands;

/// <summary><c>lenkevakt export findings --format json|csv</c>: open findings for scripts and CI.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var export = new Command("export", "Export results for scripts and CI.");
        var format = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var site = new Option<string?>("--site") { Description = "Only this site id." };
        var run = new Option<string?>("--run") { Description = "Only findings seen in this run id." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to FILE instead of standard output." };
        var findings = new Command("findings", "Open findings: siteId, pageUrl, kind, target, status/statusCode, severity, firstSeen (and more).");
        foreach (var o in new Option[] { format, site, run, output })
        {
            findings.Options.Add(o);
        }

        findings.SetAction(async (p, ct) =>
        {
            return await WithStorageAsync(async (services, token) =>
            {
                var rows = await services.GetRequiredService<FindingExport>().ReadAsync(p.GetValue(site), p.GetValue(run), token).ConfigureAwait(false);
                await WriteAsync(p.GetValue(output), writer => FindingExport.WriteAsync(rows, p.GetValue(format)!, writer, token)).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        });
        export.Subcommands.Add(findings);
        return export;
    }

    /// <summary>Runs <paramref name="work"/> with storage available (Azurite started and stopped around it when needed).</summary>
    public static async Task<int> WithStorageAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct)
    {
        var builder = CliHost.CreateBuilder(new Dictionary<string, string?>(), LogLevel.Warning);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("lenkevakt");
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await using var storage = await RunCommand.StartStorageAsync(host, logger, console, ct).ConfigureAwait(false);
        if (storage.Failed)
        {
            return ExitCodes.StorageUnavailable;
        }

        try
        {
            await host.Services.GetRequiredService<StorageProvisioner>().EnsureAsync(ct).ConfigureAwait(false);
            await work(host.Services, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (StorageUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]Lagring utilgjengelig / storage unavailable:[/] {ex.Message}");
            return ExitCodes.StorageUnavailable;
        }
    }

    public static async Task WriteAsync(FileInfo? file, Func<TextWriter, Task> write)
    {
        if (file is null)
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            await using (stdout.ConfigureAwait(false))
            {
                await write(stdout).ConfigureAwait(false);
            }

            return;
        }

        var writer = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false));
        await using (writer.ConfigureAwait(false))
        {
            await write(writer).ConfigureAwait(false);
        }
    }
}
