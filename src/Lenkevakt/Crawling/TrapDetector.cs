using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Lenkevakt.Crawling;

/// <summary>
/// Recognises crawler traps among a site's links, so a crawl stops following them instead of spending its page
/// budget (or, with a large budget, the night) on pages that never end:
/// <list type="bullet">
/// <item>ever-deeper repeating paths (<c>/a/b/a/b/a/…</c>, a relative <c>sub/</c> link on every page): a path in which
/// one segment occurs <see cref="MaxSegmentRepeats"/> times or more, or that is more than <see cref="MaxPathSegments"/> segments deep;</item>
/// <item>calendars and endless paging (<c>?date=</c>, <c>?dato=</c>, <c>?page=</c>, <c>/2026/12/01/</c>): more than
/// <see cref="MaxVariants"/> values of one such parameter (or date in the path) under one path.</item>
/// </list>
/// The first <see cref="MaxVariants"/> values of a calendar are followed, so real pages in it are not lost; the rest
/// are only checked as links. Each trap is reported once per crawl (<see cref="Found"/>).
/// </summary>
public sealed partial class TrapDetector
{
    public const int MaxSegmentRepeats = 3;
    public const int MaxPathSegments = 20;
    public const int MaxVariants = 50;

    private static readonly HashSet<string> CalendarParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "date", "dato", "day", "dag", "month", "mnd", "maned", "måned", "year", "aar", "år", "week", "uke", "page", "side", "p", "pg",
        "offset", "start", "from", "fra", "to", "til", "cal", "kalender", "calendar", "time", "tid", "periode", "period",
    };

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> variants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TrapReport> found = new(StringComparer.Ordinal);

    /// <summary>The traps seen so far, one per pattern, in pattern order.</summary>
    public IReadOnlyList<TrapReport> Found => [.. found.Values.OrderBy(t => t.Pattern, StringComparer.Ordinal)];

    /// <summary>True when <paramref name="uri"/> should not be followed (it is remembered as an example of its trap).</summary>
    public bool IsTrap(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > MaxPathSegments)
        {
            return Report($"{uri.GetLeftPart(UriPartial.Authority)}/{string.Join('/', segments.Take(3))}/…", uri, $"adressen er mer enn {MaxPathSegments} mapper dyp");
        }

        var repeated = segments.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() >= MaxSegmentRepeats);
        if (repeated is not null)
        {
            return Report($"{uri.GetLeftPart(UriPartial.Authority)}/…/{repeated.Key}/…/{repeated.Key}/…", uri, $"mappen «{repeated.Key}» gjentar seg {repeated.Count()} ganger i adressen");
        }

        var datePath = DateSegment().Replace(uri.AbsolutePath, "{dato}");
        if (!ReferenceEquals(datePath, uri.AbsolutePath) && datePath != uri.AbsolutePath
            && TooManyVariants($"{uri.GetLeftPart(UriPartial.Authority)}{datePath}", uri.AbsolutePath, uri, "datoer i adressen"))
        {
            return true;
        }

        if (uri.Query.Length > 1)
        {
            var pairs = uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToList();
            var names = string.Join('&', pairs.Select(p => p[0]).Order(StringComparer.Ordinal));
            foreach (var pair in pairs)
            {
                if (CalendarParameters.Contains(Uri.UnescapeDataString(pair[0])) && pair.Length == 2
                    && TooManyVariants($"{uri.GetLeftPart(UriPartial.Path)}?{names} ({pair[0]}=…)", pair[1], uri, $"verdier av «{pair[0]}=»"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool TooManyVariants(string pattern, string value, Uri uri, string what)
    {
        var seen = variants.GetOrAdd(pattern, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        if (seen.ContainsKey(value) || (seen.Count < MaxVariants && seen.TryAdd(value, 0)))
        {
            return false;
        }

        return Report(pattern, uri, $"mer enn {MaxVariants} ulike {what} under samme side, som en kalender eller sideblaing uten ende");
    }

    private bool Report(string pattern, Uri example, string why)
    {
        found.TryAdd(pattern, new TrapReport(pattern, example.AbsoluteUri, why));
        return true;
    }

    /// <summary>yyyy/mm(/dd), yyyy-mm(-dd) in a path.</summary>
    [GeneratedRegex(@"(?<![0-9])(19|20)[0-9]{2}([/-])(0?[1-9]|1[0-2])(\2(0?[1-9]|[12][0-9]|3[01]))?(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DateSegment();
}

/// <summary>One crawler trap: its URL pattern, the first URL seen of it, and why it counts as a trap (Norwegian).</summary>
public sealed record TrapReport(string Pattern, string Example, string Why);
