using System.Globalization;
using Lenkevakt.Pipeline;
using Spectre.Console;

namespace Lenkevakt.Cli.Hosting;

/// <summary>
/// The summary at the end of a run (Norwegian; crawled names as plain text). On a terminal: a table. When standard
/// output is redirected: one unwrapped line per site (worst first), so a log or a file stays readable at any width.
/// Both end with the totals, the sites that did not answer and why, and any poison messages.
/// </summary>
public static class SummaryPrinter
{
    /// <param name="unreachable">Site id → why its start page did not answer (from its <c>site-unreachable</c> finding).</param>
    public static void Print(IAnsiConsole console, bool terminal, TextWriter plain, RunSummary summary, IReadOnlyDictionary<string, string> unreachable)
    {
        var ordered = summary.Sites.OrderBy(s => s.Health?.HealthScore ?? -1).ThenBy(s => s.SiteId, StringComparer.Ordinal).ToList();
        var lines = new List<string>();
        if (terminal)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(new TableTitle($"Kjøring {summary.RunId}"));
            table.AddColumns("Nettsted", "Status", "Sider", "Lenker sjekket", "Åpne funn", "Feil", "Advarsler", "Nye", "Rettet", "Helse");
            foreach (var s in ordered)
            {
                var h = s.Health;
                table.AddRow(
                    new Text(s.Name), new Text(Status(s, unreachable)), new Text(N(h?.PagesCrawled)), new Text(N(h?.LinksChecked)), new Text(N(h?.OpenFindings)),
                    new Text(N(h?.Errors)), new Text(N(h?.Warnings)), new Text(N(h?.NewFindings)), new Text(N(h?.ResolvedFindings)), new Text(N(h?.HealthScore)));
            }

            console.Write(table);
        }
        else
        {
            lines.Add($"Kjøring {summary.RunId}:");
            foreach (var s in ordered)
            {
                var h = s.Health;
                lines.Add(h is null || !h.Reachable
                    ? $"  {s.Name}: {Status(s, unreachable)}"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"  {s.Name}: {Status(s, unreachable)}, {h.PagesCrawled} sider, {h.LinksChecked} lenker sjekket, {h.OpenFindings} åpne funn ({h.Errors} feil, {h.Warnings} advarsler), {h.NewFindings} nye, {h.ResolvedFindings} rettet, helse {h.HealthScore}"));
            }
        }

        var totals = summary.Sites.Where(s => s.Health is not null).Select(s => s.Health!).ToList();
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"Sammendrag: {summary.Sites.Count} nettsteder, {totals.Sum(h => h.PagesCrawled)} sider, {totals.Sum(h => h.LinksChecked)} lenker sjekket, {totals.Sum(h => h.OpenFindings)} åpne funn ({totals.Sum(h => h.Errors)} feil, {totals.Sum(h => h.Warnings)} advarsler), {totals.Sum(h => h.NewFindings)} nye, {totals.Sum(h => h.ResolvedFindings)} rettet."));
        var notReached = ordered.Where(s => s.Health is { Reachable: false }).ToList();
        if (notReached.Count > 0)
        {
            var why = notReached.GroupBy(s => unreachable.GetValueOrDefault(s.SiteId, "svarte ikke"), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
            lines.Add($"{notReached.Count} av {summary.Sites.Count} nettsteder svarte ikke ({string.Join(", ", why)}); funnene deres er «site-unreachable».");
            if (terminal)
            {
                lines.Add("Ikke nådd: " + string.Join(", ", notReached.Take(20).Select(s => $"{s.Name} ({unreachable.GetValueOrDefault(s.SiteId, "svarte ikke")})"))
                    + (notReached.Count > 20 ? $" og {notReached.Count - 20} til" : "") + ".");
            }
        }

        var open = ordered.Where(s => s.Status != "closed").ToList();
        if (open.Count > 0)
        {
            lines.Add($"{open.Count} nettsted(er) ble ikke ferdige: {string.Join(", ", open.Select(s => s.Name))}.");
        }

        foreach (var (queue, count) in summary.PoisonCounts)
        {
            lines.Add($"OBS: {count} melding(er) i {queue}: se «{CliCommandName.Current} poison list».");
        }

        foreach (var line in lines)
        {
            if (terminal)
            {
                console.Profile.Out.Writer.WriteLine(line);
            }
            else
            {
                plain.WriteLine(line);
            }
        }

        plain.Flush();
    }

    private static string N(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Status(SiteRunSummary s, IReadOnlyDictionary<string, string> unreachable) =>
        s.Status != "closed" ? $"ikke ferdig ({StatusNb(s.Status)})"
        : s.Health is { Reachable: false } ? $"ikke nådd ({unreachable.GetValueOrDefault(s.SiteId, "svarte ikke")})"
        : "ferdig";

    private static string StatusNb(string status) => status switch
    {
        "planned" => "planlagt",
        "crawling" => "henter sider",
        "crawled" => "hentet, ikke lukket",
        "not planned" => "ikke planlagt",
        _ => status,
    };
}
