using System.Text.Json;
using Lenkevakt.Findings;

namespace Lenkevakt.Dashboard;

/// <summary>
/// One open broken link (<see cref="BrokenLinks.Is"/>) of a site, as kept on its dashboard row when the site's run
/// closes (<see cref="SiteHealthEntity.BrokenLinksJson"/>): the first <see cref="Kept"/> by page URL and target, so the
/// coverage report can list examples without reading the findings table.
/// </summary>
public sealed record BrokenLinkSample(string PageUrl, string? PageTitle, string Target, string Kind, int? StatusCode)
{
    /// <summary>Examples kept per site: more than the report lists by default (5).</summary>
    public const int Kept = 20;

    private const int MaxChars = 30_000;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The first <see cref="Kept"/> broken links of <paramref name="open"/>, in page URL and target order, as JSON that fits a table property.</summary>
    public static string Serialize(IEnumerable<StoredFinding> open)
    {
        var samples = open.Where(BrokenLinks.Is)
            .OrderBy(f => f.PageUrl, StringComparer.Ordinal).ThenBy(f => f.Target, StringComparer.Ordinal)
            .Take(Kept)
            .Select(f => new BrokenLinkSample(Cut(f.PageUrl, 1000), f.PageTitle is null ? null : Cut(f.PageTitle, 200), Cut(f.Target, 1000), f.Kind, f.StatusCode))
            .ToList();
        while (true)
        {
            var json = JsonSerializer.Serialize(samples, Options);
            if (json.Length <= MaxChars || samples.Count == 0)
            {
                return json;
            }

            samples.RemoveAt(samples.Count - 1);
        }
    }

    /// <summary>The examples on a dashboard row, or null when the row has none recorded (written before they were kept, or unreadable).</summary>
    public static IReadOnlyList<BrokenLinkSample>? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<List<BrokenLinkSample>>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
