using System.Collections.Concurrent;
using System.Globalization;
using Lenkevakt.Crawling;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Spectre.Console;

namespace Lenkevakt.Cli.Hosting;

/// <summary>
/// Live progress of a run, with the summary's names (site name, "Sider", "Åpne funn"). On a terminal: a refreshing
/// table of the sites in progress, with totals and an estimate of the time left. When standard output is redirected (a
/// file, a pipe, CI): no per-site lines (the summary has one per site), only a plain totals line every half minute.
/// Crawled text is rendered as plain <see cref="Text"/>, never as markup. A site's findings are only known once its
/// links are evaluated, so the findings column shows "…" until then.
/// </summary>
public sealed class ConsoleProgress(IAnsiConsole console, bool terminal, TextWriter plain, TimeProvider time) : ICrawlProgressSink
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SiteProgress> sites = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> names = new Dictionary<string, string>(StringComparer.Ordinal);

    public void Report(SiteProgress value) => sites[value.SiteId] = value;

    /// <summary>Shows progress over <paramref name="siteList"/> until <paramref name="work"/> completes.</summary>
    public async Task<T> ShowWhileAsync<T>(IReadOnlyList<SiteDefinition> siteList, Task<T> work)
    {
        names = siteList.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var started = time.GetTimestamp();
        if (!terminal)
        {
            var last = started;
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(1), time)).ConfigureAwait(false);
                if (!work.IsCompleted && time.GetElapsedTime(last) >= PlainInterval)
                {
                    last = time.GetTimestamp();
                    await plain.WriteLineAsync("Fremdrift: " + Totals(siteList.Count, time.GetElapsedTime(started))).ConfigureAwait(false);
                    await plain.FlushAsync().ConfigureAwait(false);
                }
            }

            return await work.ConfigureAwait(false);
        }

        T result = default!;
        await console.Live(Render(siteList.Count, TimeSpan.Zero)).AutoClear(true).StartAsync(async ctx =>
        {
            while (!work.IsCompleted)
            {
                ctx.UpdateTarget(Render(siteList.Count, time.GetElapsedTime(started)));
                ctx.Refresh();
                await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(250), time)).ConfigureAwait(false);
            }

            result = await work.ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Norwegian name of a crawl phase.</summary>
    public static string PhaseNb(string phase) => phase switch
    {
        "crawling" => "henter sider",
        "checking" => "sjekker lenker",
        "done" => "ferdig",
        _ => phase,
    };

    private string Totals(int siteCount, TimeSpan elapsed)
    {
        var snapshot = sites.Values.ToList();
        var done = snapshot.Count(s => s.Phase == "done");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{done}/{siteCount} nettsteder ferdig, {snapshot.Count - done} i arbeid, {snapshot.Sum(s => s.Pages)} sider, {snapshot.Where(s => s.Phase == "done").Sum(s => s.Findings)} funn hos de ferdige");
        if (done > 0 && done < siteCount && elapsed > TimeSpan.FromSeconds(10))
        {
            var left = TimeSpan.FromTicks(elapsed.Ticks / done * (siteCount - done));
            text += left.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $", omtrent {Math.Ceiling(left.TotalMinutes)} min igjen")
                : ", under ett minutt igjen";
        }

        return text;
    }

    private Table Render(int siteCount, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(new TableTitle("Lenkevakt: " + Totals(siteCount, elapsed)));
        table.AddColumns("Nettsted", "Fase", "Sider", "Åpne funn");
        foreach (var s in sites.Values.Where(s => s.Phase != "done").OrderBy(s => s.SiteId, StringComparer.Ordinal).Take(15))
        {
            table.AddRow(
                new Text(names.GetValueOrDefault(s.SiteId, s.SiteId)),
                new Text(PhaseNb(s.Phase)),
                new Text(s.Pages.ToString(CultureInfo.InvariantCulture)),
                new Text("…"));
        }

        return table;
    }
}
