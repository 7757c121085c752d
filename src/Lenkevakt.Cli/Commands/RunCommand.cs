using System.CommandLine;
using Lenkevakt.Cli.Hosting;
using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Pipeline;
using Lenkevakt.Reports;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Lenkevakt.Cli.Commands;

/// <summary><c>lenkevakt run [--sites FILE | --url URL] [--allow-private]</c>: one complete cycle, queues drained, summary printed.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var sites = new Option<FileInfo?>("--sites") { Description = "Sites file (default: Lenkevakt:Sites:Path, config/sites.json)." };
        var url = new Option<Uri?>("--url")
        {
            Description = "Check one site ad hoc, from this start URL (like 'lychee URL').",
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
                {
                    return u;
                }

                r.AddError($"--url: «{text}» er ikke en absolutt http(s)-adresse.");
                return null;
            },
        };
        var only = new Option<string[]>("--site") { Description = "Only these site ids from the sites file (repeatable)." };
        var fylke = new Option<string?>("--fylke") { Description = "Only municipalities in this county (name or number)." };
        var export = CliOptions.OutputFile("--export", "Also write this run's open findings to FILE (.csv or .json).", ".csv", ".json");
        var failOn = CliOptions.OptionalChoice("--fail-on", "Exit with code 1 when open findings of this severity or worse exist (error|warning).", "error", "warning");
        var storagePrefix = CliOptions.StoragePrefix();
        var flags = new CrawlFlags();
        var command = new Command("run", "Run one complete nightly cycle now: plan, crawl, check, record, close. Storage (Azurite) is provisioned automatically.");
        command.Options.Add(sites);
        command.Options.Add(url);
        command.Options.Add(only);
        command.Options.Add(fylke);
        command.Options.Add(export);
        command.Options.Add(failOn);
        command.Options.Add(storagePrefix);
        flags.AddTo(command);
        command.Validators.Add(r =>
        {
            if (r.GetResult(sites) is not null && r.GetResult(url) is not null)
            {
                r.AddError("--sites og --url kan ikke brukes sammen: velg én.");
            }
        });
        command.SetAction(async (p, ct) =>
        {
            var overrides = flags.Overrides(p);
            if (p.GetValue(sites) is { } file)
            {
                overrides["Lenkevakt:Sites:Path"] = file.FullName;
            }

            if (p.GetValue(storagePrefix) is { } prefix)
            {
                overrides[StorageOptionsKeys.NamePrefix] = prefix;
            }
            else if (p.GetValue(url) is not null)
            {
                // An ad-hoc check writes to its own namespace, so it never appears in the catalogue's dashboard, report or alerts.
                overrides[StorageOptionsKeys.NamePrefix] = CliHost.StorageSettings(overrides).AdHocNamePrefix;
            }

            return await ExecuteAsync(overrides, p.GetValue(url), p.GetValue(only) ?? [], p.GetValue(fylke), p.GetValue(flags.MaxPages), p.GetValue(flags.MaxDepth),
                p.GetValue(export), p.GetValue(failOn), ct, internalHosts: p.GetValue(flags.InternalHosts) ?? []).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<int> ExecuteAsync(
        Dictionary<string, string?> overrides, Uri? url, IReadOnlyCollection<string> onlySites, string? fylke, int? maxPages, int? maxDepth,
        FileInfo? export, string? failOn, CancellationToken ct, Func<IServiceProvider, IReadOnlyList<SiteDefinition>>? sitesOverride = null,
        IReadOnlyList<string>? internalHosts = null)
    {
        var console = AnsiConsole.Console;
        var terminal = CliHost.IsTerminal;
        var plain = Console.Out;

        // A one-shot run should move to the next stage at once, not wait for a long-lived worker's idle poll backoff.
        overrides.TryAdd("Lenkevakt:Queues:MaxPollInterval", Environment.GetEnvironmentVariable("Lenkevakt__Queues__MaxPollInterval") ?? "00:00:00.250");
        // Only errors are logged: what a warning would say (sites not closed, poison messages) the summary says in Norwegian.
        var builder = CliHost.CreateBuilder(overrides, LogLevel.Error);
        var progress = new ConsoleProgress(console, terminal, plain, TimeProvider.System);
        builder.Services.AddSingleton<ICrawlProgressSink>(progress);
        using var host = CliHost.Build(builder);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("lenkevakt");
        var crawl = host.Services.GetRequiredService<IOptions<CrawlOptions>>().Value;

        IReadOnlyList<SiteDefinition> siteList;
        try
        {
            siteList = sitesOverride?.Invoke(host.Services) ?? SelectSites(host.Services, url, onlySites, fylke, crawl);
        }
        catch (SitesFileException ex)
        {
            await Console.Error.WriteLineAsync($"Ugyldig nettstedsfil: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        siteList = ApplyLimits(siteList, maxPages, maxDepth, internalHosts ?? []);
        if (siteList.Count == 0)
        {
            await Console.Error.WriteLineAsync(onlySites.Count > 0
                ? $"Ingen nettsteder valgt: fant ingen av {string.Join(", ", onlySites.Select(s => $"«{s}»"))} i nettstedsfilen."
                : "Ingen nettsteder valgt: nettstedsfilen er tom.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (url is not null && !crawl.AllowPrivateNetworks && await AddressPolicy.Guarded(crawl.PrivateHosts).CheckAsync(url, ct).ConfigureAwait(false) is { } blocked)
        {
            await Console.Error.WriteLineAsync($"Avvist: {blocked}.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using var azurite = await StartStorageAsync(host, logger, console, ct).ConfigureAwait(false);
        if (azurite.Failed)
        {
            return ExitCodes.StorageUnavailable;
        }

        try
        {
            await host.StartAsync(ct).ConfigureAwait(false);
            await host.Services.GetRequiredService<StorageProvisioner>().EnsureAsync(ct).ConfigureAwait(false);
            await plain.WriteLineAsync($"Lenkevakt: {siteList.Count} nettsted(er), lagring: {host.Services.GetRequiredService<StorageClients>().Options.Describe()}").ConfigureAwait(false);
            await plain.FlushAsync(ct).ConfigureAwait(false);
            var cycle = host.Services.GetRequiredService<LocalCycle>();
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var sampler = EngineSampler.RunAsync(host.Services, TimeProvider.System, sampling.Token);
            var summary = await progress.ShowWhileAsync(siteList, cycle.RunAsync(siteList, ct)).ConfigureAwait(false);
            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            var operations = host.Services.GetRequiredService<StorageClients>().Operations;
            var (tableOps, queueOps, blobOps) = (operations.Tables, operations.Queues, operations.Blobs);
            var ids = siteList.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var rows = await host.Services.GetRequiredService<FindingExport>().ReadAsync(null, summary.RunId, ct).ConfigureAwait(false);
            rows = rows.Where(r => ids.Contains(r.SiteId)).ToList();
            var unreachable = rows.Where(r => r.Kind == FindingKind.SiteUnreachable.Name)
                .GroupBy(r => r.SiteId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Hosting.UnreachableReason.Nb(g.First().Status), StringComparer.Ordinal);
            SummaryPrinter.Print(console, terminal, plain, summary, unreachable);
            await plain.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Lagringstransaksjoner i kjøringen: {tableOps} tabell, {queueOps} kø, {blobOps} blob.")).ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("LENKEVAKT_STORAGE_BREAKDOWN") is "1" or "true")
            {
                // Diagnostics for the benches (docs/benchmarks.md): where the storage transactions went.
                foreach (var (resource, count) in operations.Breakdown())
                {
                    await Console.Error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {count,8} {resource}")).ConfigureAwait(false);
                }
            }

            await plain.WriteLineAsync(NextSteps(host.Services.GetRequiredService<StorageClients>().Names.Prefix)).ConfigureAwait(false);
            if (export is not null)
            {
                await ExportCommand.WriteAsync(export, writer => FindingExport.WriteAsync(rows, export.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "csv", writer, ct)).ConfigureAwait(false);
                await plain.WriteLineAsync($"Funn skrevet til {export.FullName} ({rows.Count}).").ConfigureAwait(false);
            }

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            var threshold = failOn switch { "error" => "error", "warning" => "warning", _ => null };
            if (threshold is not null && rows.Any(r => r.Severity == "error" || (threshold == "warning" && r.Severity == "warning")))
            {
                return ExitCodes.FindingsFound;
            }

            return summary.Sites.All(s => s.Status == "closed") ? ExitCodes.Ok : ExitCodes.Incomplete;
        }
        catch (StorageUnavailableException ex)
        {
            await Console.Error.WriteLineAsync($"Lagring utilgjengelig: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.StorageUnavailable;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(
                $"Avbrutt. Uferdige meldinger er lagt tilbake i køene; neste «{CliCommandName.Current} run» eller «{CliCommandName.Current} worker» gjør dem ferdige.").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>
    /// The commands that show this run's results, with its storage prefix (so <c>run --url</c> and <c>demo</c> point at
    /// their own namespace), e.g. <c>Se resultatene: lenkevakt serve --storage-prefix demo (dashbord) · lenkevakt report --storage-prefix demo --out rapport.html</c>.
    /// </summary>
    internal static string NextSteps(string prefix)
    {
        var option = prefix.Length == 0 ? "" : $" --storage-prefix {prefix}";
        return $"Se resultatene: «{CliCommandName.Current} serve{option}» (dashbord på http://127.0.0.1:8080/) og «{CliCommandName.Current} report{option} --out rapport.html» (dekningsrapport).";
    }

    internal static async Task<StorageHandle> StartStorageAsync(IHost host, ILogger logger, IAnsiConsole console, CancellationToken ct)
    {
        try
        {
            var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (string.IsNullOrEmpty(options.AccountName) && options.AutoStartAzurite && AzuriteLauncher.DevelopmentPorts(options.ConnectionString) is { } ports
                && !await AzuriteLauncher.IsListeningAsync(ports.Queue, ct).ConfigureAwait(false) && AzuriteLauncher.NeedsInstall())
            {
                console.WriteLine("Installerer lagringsemulatoren Azurite med npm (bare første gang; tar gjerne et halvt minutt) …");
            }

            var process = await CliHost.EnsureStorageAsync(host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), logger, ct).ConfigureAwait(false);
            if (process is not null)
            {
                console.WriteLine($"Startet Azurite på 127.0.0.1 (pid {process.ProcessId}); den stoppes når kommandoen er ferdig.");
            }

            return new StorageHandle(process, false);
        }
        catch (StorageUnavailableException ex)
        {
            await Console.Error.WriteLineAsync($"Lagring utilgjengelig: {ex.Message}").ConfigureAwait(false);
            return new StorageHandle(null, true);
        }
    }

    private static List<SiteDefinition> SelectSites(IServiceProvider services, Uri? url, IReadOnlyCollection<string> only, string? fylke, CrawlOptions crawl)
    {
        if (url is not null)
        {
            return [SitesCatalog.ForUrl(url, new CrawlScope { MaxPages = 10_000, MaxDepth = 50, AllowPrivateNetworks = crawl.AllowPrivateNetworks })];
        }

        var all = services.GetRequiredService<ISiteCatalog>().GetSites();
        if (fylke is not null && !all.Any(s => string.Equals(s.Fylke, fylke, StringComparison.OrdinalIgnoreCase) || s.Fylkesnummer == fylke))
        {
            var counties = all.Where(s => !string.IsNullOrEmpty(s.Fylke)).Select(s => (s.Fylkesnummer, s.Fylke)).Distinct()
                .OrderBy(c => c.Fylkesnummer, StringComparer.Ordinal).Select(c => $"{c.Fylke} ({c.Fylkesnummer})");
            throw new UsageException($"--fylke: ukjent fylke «{fylke}». Kjente fylker: {string.Join(", ", counties)}.");
        }

        return all.Where(s => (only.Count == 0 || only.Contains(s.Id))
                              && (fylke is null || string.Equals(s.Fylke, fylke, StringComparison.OrdinalIgnoreCase) || s.Fylkesnummer == fylke))
                  .ToList();
    }

    private static List<SiteDefinition> ApplyLimits(IReadOnlyList<SiteDefinition> sites, int? maxPages, int? maxDepth, IReadOnlyList<string> internalHosts) =>
        sites.Select(s => s with
        {
            Scope = s.Scope with
            {
                MaxPages = maxPages ?? s.Scope.MaxPages,
                MaxDepth = maxDepth ?? s.Scope.MaxDepth,
                InternalHosts = s.Scope.InternalHosts.Concat(internalHosts).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            },
        }).ToList();

    internal sealed record StorageHandle(AzuriteProcess? Process, bool Failed) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
