using System.CommandLine;
using Lenkevakt.Cli.Hosting;
using Lenkevakt.Html;
using Lenkevakt.Reports;
using Lenkevakt.Sites;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lenkevakt.Cli.Commands;

/// <summary><c>lenkevakt report [--fylke NAME|NUMBER] [--format html|csv|json] [--out FILE]</c>: the county governors' coverage report.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var fylke = new Option<string?>("--fylke") { Description = "Only this county (name, e.g. 'Vestland', or number, e.g. 46). Default: all counties." };
        var format = CliOptions.Choice("--format", "html (one printable file), csv (one row per municipality × rule) or json.", "html", [.. CoverageReportHandler.Formats]);
        var output = CliOptions.OutputFile("--out", "Write to FILE instead of standard output.");
        var command = new Command("report", "Coverage report for the county governors: per county, each municipality's required information (met / not met / not checked), languages, broken links, readability, last crawl and change since the previous report.");
        command.Options.Add(fylke);
        command.Options.Add(format);
        command.Options.Add(output);
        var storagePrefix = CliOptions.StoragePrefix();
        command.Options.Add(storagePrefix);
        command.SetAction(async (p, ct) =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            var code = ExitCodes.Ok;
            var storage = await ExportCommand.WithStorageAsync(async (services, token) =>
            {
                RenderedDocument document;
                try
                {
                    document = await services.GetRequiredService<CoverageReportHandler>().HandleAsync(new CoverageReportRequest(p.GetValue(fylke), p.GetValue(format)!), token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ArgumentException or SitesFileException)
                {
                    console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                    code = ExitCodes.Usage;
                    return;
                }

                var file = p.GetValue(output);
                await ExportCommand.WriteAsync(file, writer => writer.WriteAsync(document.Body)).ConfigureAwait(false);
                if (file is not null)
                {
                    console.MarkupLineInterpolated($"Rapport skrevet til {file.FullName}");
                }
            }, ct, CliOptions.StorageOverrides(p.GetValue(storagePrefix))).ConfigureAwait(false);
            return storage != ExitCodes.Ok ? storage : code;
        });
        return command;
    }
}
