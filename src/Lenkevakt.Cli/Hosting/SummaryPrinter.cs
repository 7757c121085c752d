using System.Globalization;
using Lenkevakt.Pipeline;
using Spectre.Console;

namespace Lenkevakt.Cli.Hosting;

/// <summary>The summary table at the end of a run (Norwegian headings; crawled names as plain text).</summary>
public static class SummaryPrinter
{
    public static void Print(IAnsiConsole console, RunSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(new TableTitle($"Kjøring {summary.RunId}"));
        table.AddColumns("Nettsted", "Status", "Sider", "Lenker sjekket", "Åpne funn", "Feil", "Advarsler", "Nye", "Rettet", "Helse");
        foreach (var s in summary.Sites.OrderBy(s => s.Health?.HealthScore ?? -1).ThenBy(s => s.SiteId, StringComparer.Ordinal))
        {
            var h = s.Health;
            string N(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "–";
            var status = s.Status == "closed" ? (h is { Reachable: false } ? "utilgjengelig" : "ferdig") : $"ikke ferdig ({s.Status})";
            table.AddRow(
                new Text(s.Name), new Text(status), new Text(N(h?.PagesCrawled)), new Text(N(h?.LinksChecked)), new Text(N(h?.OpenFindings)),
                new Text(N(h?.Errors)), new Text(N(h?.Warnings)), new Text(N(h?.NewFindings)), new Text(N(h?.ResolvedFindings)), new Text(N(h?.HealthScore)));
        }

        console.Write(table);
        var totals = summary.Sites.Where(s => s.Health is not null).Select(s => s.Health!).ToList();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Sites.Count} nettsteder, {totals.Sum(h => h.PagesCrawled)} sider, {totals.Sum(h => h.LinksChecked)} lenker sjekket, {totals.Sum(h => h.OpenFindings)} åpne funn ({totals.Sum(h => h.Errors)} feil), {totals.Sum(h => h.NewFindings)} nye, {totals.Sum(h => h.ResolvedFindings)} rettet."));
        foreach (var (queue, count) in summary.PoisonCounts)
        {
            console.WriteLine($"OBS: {count} melding(er) i {queue}: se 'lenkevakt poison list'.");
        }
    }
}
