using System.Collections.Concurrent;
using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// What a site crawl fetches, in a deterministic order: level by level (breadth first by depth). While depth d is
/// fetched, the links found become candidates for depth d + 1; only when every page of depth d is done are the
/// candidates ordered by a stable key — help-page link priority (the highest of all links to the URL), then the
/// normalised URL — and admitted up to the page budget. Because nothing is admitted while a page that could still
/// offer a better candidate is in flight, the set and order of pages crawled depend only on the site, not on
/// response timing or the number of workers. Continuations replay the same admissions (see <see cref="CheckpointReplay"/>).
/// Priorities are only computed when a level has more candidates than budget left (otherwise every candidate is
/// admitted, in URL order): until then a candidate keeps the few distinct (href, text) pairs seen for it.
/// A redirect's final page is fetched in its source's slot: it is claimed without counting against the budget.
/// </summary>
internal sealed class CrawlFrontier(int maxPages, Func<string, string, double> priority, Func<Uri, bool>? isTrap = null)
{
    private const int PendingPairsCap = 8;
    private readonly SortedDictionary<int, Level> levels = [];
    private readonly List<string> order = [];
    private readonly ConcurrentDictionary<(string Href, string Text), double> scores = new();
    private int admitted;

    /// <summary>URLs admitted (or claimed as a redirect's final page), with their depth; each is fetched once.</summary>
    public ConcurrentDictionary<string, int> Claimed { get; } = new(StringComparer.Ordinal);

    public string? LimitHit { get; private set; }

    /// <summary>Whether a candidate could still be admitted (fixed while a level is being fetched).</summary>
    public bool HasBudget => Volatile.Read(ref admitted) < maxPages;

    /// <summary>Every admitted URL, in admission order: the crawl order.</summary>
    public IReadOnlyList<string> Order => order;

    public bool IsClaimed(string key) => Claimed.ContainsKey(key);

    /// <summary>The start URLs: depth 0, in the configured order, before any candidate.</summary>
    public void AddStart(IReadOnlyList<Uri> starts)
    {
        var level = LevelAt(0);
        for (var i = 0; i < starts.Count; i++)
        {
            var key = LinkTarget.WithoutFragment(starts[i]);
            level.Items.TryAdd(key, new Candidate(key, i));
        }
    }

    /// <summary>Whether <paramref name="key"/> is already a candidate at <paramref name="depth"/>.</summary>
    public bool IsCandidate(int depth, string key)
    {
        lock (levels)
        {
            return levels.TryGetValue(depth, out var level) && level.Items.ContainsKey(key);
        }
    }

    /// <summary>Offers URLs found by a link (href and text, for the priority) as candidates at <paramref name="depth"/>.</summary>
    public void Offer(int depth, IEnumerable<(string Key, string Href, string Text)> offers)
    {
        var level = LevelAt(depth);
        foreach (var (key, href, text) in offers)
        {
            if (!level.Items.TryGetValue(key, out var candidate))
            {
                var added = new Candidate(key, int.MaxValue);
                candidate = level.Items.GetOrAdd(key, added);
                if (ReferenceEquals(candidate, added) && Interlocked.Increment(ref level.Count) > maxPages - Volatile.Read(ref admitted))
                {
                    level.Tight = true;
                }
            }

            lock (candidate)
            {
                if (level.Tight || candidate.Pending.Count >= PendingPairsCap)
                {
                    candidate.Score = Math.Max(candidate.Score, Score(href, text));
                }
                else if (!candidate.Pending.Contains((href, text)))
                {
                    candidate.Pending.Add((href, text));
                }
            }
        }
    }

    /// <summary>A redirect's final page, fetched in its source's slot: claimed, not counted against the budget.</summary>
    public void ClaimRedirectTarget(string key, int depth) => Claimed.TryAdd(key, depth);

    /// <summary>A crawlable link was not offered because the budget was spent.</summary>
    public void NoteLimitHit() => LimitHit = $"page limit {maxPages} reached";

    /// <summary>
    /// Admits the next level: its candidates not yet claimed, in key order, up to the budget left. Called only when no
    /// page is in flight. False when there are no candidates left at any depth.
    /// </summary>
    /// <param name="rejected">Candidates over the budget: they are checked, not crawled.</param>
    public bool TryAdmitNext(out int depth, out IReadOnlyList<Uri> batch, out IReadOnlyList<string> rejected)
    {
        Level level;
        lock (levels)
        {
            if (levels.Count == 0)
            {
                (depth, batch, rejected) = (0, [], []);
                return false;
            }

            (depth, level) = levels.First();
            levels.Remove(depth);
        }

        var open = level.Items.Values.Where(c => !Claimed.ContainsKey(c.Url)).ToList();
        var left = Math.Max(0, maxPages - admitted);
        IEnumerable<Candidate> ordered = open.Count > left
            ? open.OrderBy(c => c.Rank).ThenByDescending(FinalScore).ThenBy(c => c.Url, StringComparer.Ordinal)
            : open.OrderBy(c => c.Rank).ThenBy(c => c.Url, StringComparer.Ordinal);
        var admittedNow = new List<Uri>();
        var over = new List<string>();
        var trapped = new List<string>();
        foreach (var candidate in ordered)
        {
            if (isTrap is not null && candidate.Rank == int.MaxValue && isTrap(new Uri(candidate.Url)))
            {
                // A crawler trap (decided in this stable order, so the same URLs every run): checked, not crawled.
                trapped.Add(candidate.Url);
                continue;
            }

            if (admittedNow.Count < left && Claimed.TryAdd(candidate.Url, depth))
            {
                admittedNow.Add(new Uri(candidate.Url));
                order.Add(candidate.Url);
            }
            else
            {
                over.Add(candidate.Url);
            }
        }

        if (over.Count > 0)
        {
            NoteLimitHit();
        }

        Interlocked.Add(ref admitted, admittedNow.Count);
        (batch, rejected) = (admittedNow, trapped.Count == 0 ? over : [.. trapped, .. over]);
        return true;
    }

    private double FinalScore(Candidate c)
    {
        var best = c.Score;
        foreach (var (href, text) in c.Pending)
        {
            best = Math.Max(best, Score(href, text));
        }

        return best;
    }

    private double Score(string href, string text)
    {
        if (scores.TryGetValue((href, text), out var s))
        {
            return s;
        }

        s = priority(href, text);
        if (scores.Count < 100_000)
        {
            scores.TryAdd((href, text), s);
        }

        return s;
    }

    private Level LevelAt(int depth)
    {
        lock (levels)
        {
            if (!levels.TryGetValue(depth, out var level))
            {
                levels[depth] = level = new Level();
            }

            return level;
        }
    }

    private sealed class Level
    {
        public ConcurrentDictionary<string, Candidate> Items { get; } = new(StringComparer.Ordinal);

        public int Count;

        public volatile bool Tight;
    }

    private sealed class Candidate(string url, int rank)
    {
        public string Url { get; } = url;

        /// <summary>Start URLs keep their configured order (0, 1, …); every other candidate is <see cref="int.MaxValue"/>.</summary>
        public int Rank { get; } = rank;

        public double Score { get; set; } = double.NegativeInfinity;

        public List<(string Href, string Text)> Pending { get; } = [];
    }
}
