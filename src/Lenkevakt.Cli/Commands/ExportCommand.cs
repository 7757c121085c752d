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
        var format = CliOptions.Choice("--format", "json or csv.", "json", "json", "csv");
        var site = new Option<string?>("--site") { Description = "Only this site id." };
        var run = new Option<string?>("--run") { Description = "Only findings seen in this run id." };
        var output = CliOptions.OutputFile("--out", "Write to FILE instead of standard output.");
        var storagePrefix = CliOptions.StoragePrefix();
        var findings = new Command("findings", "Open findings: siteId, pageUrl, kind, target, status/statusCode, severity, firstSeen (and more).");
        foreach (var o in new Option[] { format, site, run, output, storagePrefix })
        {
            findings.Options.Add(o);
        }

        findings.SetAction(async (p, ct) =>
        {
            return await WithStorageAsync(async (services, token) =>
            {
                var rows = await services.GetRequiredService<FindingExport>().ReadAsync(p.GetValue(site), p.GetValue(run), token).ConfigureAwait(false);
                await WriteAsync(p.GetValue(output), writer => FindingExport.WriteAsync(rows, p.GetValue(format)!, writer, token)).ConfigureAwait(false);
            }, ct, CliOptions.StorageOverrides(p.GetValue(storagePrefix))).ConfigureAwait(false);
        });
        export.Subcommands.Add(findings);
        export.Subcommands.Add(ContentCommand("pages", "Per crawled page: url, siteId, declared and detected language (confidence), help page or not, and every page rule: met / not-met / not-applicable with evidence.", pages: true));
        export.Subcommands.Add(ContentCommand("sites", "Per site: every site rule with its evidence page, languages offered, median LIX.", pages: false));
        return export;
    }

    private static Command ContentCommand(string name, string description, bool pages)
    {
        var format = CliOptions.Choice("--format", "json or csv.", "json", "json", "csv");
        var site = new Option<string?>("--site") { Description = "Only this site id." };
        var output = CliOptions.OutputFile("--out", "Write to FILE instead of standard output.");
        var storagePrefix = CliOptions.StoragePrefix();
        var command = new Command(name, description);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(storagePrefix);
        if (pages)
        {
            command.Options.Add(site);
        }

        command.SetAction(async (p, ct) => await WithStorageAsync(async (services, token) =>
        {
            var export = services.GetRequiredService<Lenkevakt.Content.Persistence.ContentExport>();
            var rows = new List<object>();
            var columns = new List<IReadOnlyList<KeyValuePair<string, string>>>();
            if (pages)
            {
                await foreach (var row in export.ReadPagesAsync(p.GetValue(site), token).ConfigureAwait(false))
                {
                    rows.Add(row);
                    columns.Add(row.ToColumns());
                }
            }
            else
            {
                await foreach (var row in export.ReadSitesAsync(token).ConfigureAwait(false))
                {
                    rows.Add(row);
                    columns.Add(row.ToColumns());
                }
            }

            await WriteAsync(p.GetValue(output), async writer =>
            {
                if (p.GetValue(format) == "json")
                {
                    await writer.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize<object>(rows, ExportJson.Options)).ConfigureAwait(false);
                    return;
                }

                await ExportCsv.WriteColumnsAsync(columns, writer, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }, ct, CliOptions.StorageOverrides(p.GetValue(storagePrefix))).ConfigureAwait(false));
        return command;
    }

    /// <summary>Runs <paramref name="work"/> with storage available (Azurite started and stopped around it when needed).</summary>
    public static async Task<int> WithStorageAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = CliHost.CreateBuilder(overrides ?? new Dictionary<string, string?>(), LogLevel.Warning);
        using var host = CliHost.Build(builder);
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
            await Console.Error.WriteLineAsync($"Lagring utilgjengelig: {ex.Message}").ConfigureAwait(false);
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

        StreamWriter writer;
        try
        {
            writer = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Kan ikke skrive til «{file.FullName}»: {ex.Message}", ex);
        }

        await using (writer.ConfigureAwait(false))
        {
            await write(writer).ConfigureAwait(false);
        }
    }
}
