using System.Collections.Concurrent;
using Lenkevakt.Crawling;
using Lenkevakt.Pipeline;
using Spectre.Console;

namespace Lenkevakt.Cli.Hosting;

/// <summary>
/// Live progress per site (pages, links, findings): a refreshing table on an interactive terminal, plain lines
/// otherwise (CI logs). Crawled text is rendered as plain <see cref="Text"/>, never as markup.
/// </summary>
public sealed class ConsoleProgress(IAnsiConsole console) : ICrawlProgressSink
{
    private readonly ConcurrentDictionary<string, SiteProgress> sites = new(StringComparer.Ordinal);

    public void Report(SiteProgress value)
    {
        sites[value.SiteId] = value;
        if (!console.Profile.Capabilities.Interactive && value.Phase == "done")
        {
            console.WriteLine($"  {value.SiteId}: {value.Pages} sider, {value.Links} lenker, {value.Findings} funn");
        }
    }

    /// <summary>Shows progress until <paramref name="work"/> completes.</summary>
    public async Task<T> ShowWhileAsync<T>(int siteCount, Task<T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work.ConfigureAwait(false);
        }

        T result = default!;
        await console.Live(Render(siteCount)).AutoClear(true).StartAsync(async ctx =>
        {
            while (!work.IsCompleted)
            {
                ctx.UpdateTarget(Render(siteCount));
                ctx.Refresh();
                await Task.WhenAny(work, Task.Delay(250)).ConfigureAwait(false);
            }

            result = await work.ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result;
    }

    private Table Render(int siteCount)
    {
        var snapshot = sites.Values.ToList();
        var done = snapshot.Count(s => s.Phase == "done");
        var table = new Table().Border(TableBorder.Rounded).Title(new TableTitle($"Lenkevakt: {done}/{siteCount} nettsteder ferdig"));
        table.AddColumns("Nettsted", "Fase", "Sider", "Lenker", "Funn");
        foreach (var s in snapshot.Where(s => s.Phase != "done").OrderBy(s => s.SiteId, StringComparer.Ordinal).Take(15))
        {
            table.AddRow(new Text(s.SiteId), new Text(s.Phase), new Text(s.Pages.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(s.Links.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(s.Findings.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return table;
    }
}
