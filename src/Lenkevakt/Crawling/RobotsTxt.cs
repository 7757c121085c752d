using System.Globalization;

namespace Lenkevakt.Crawling;

/// <summary>
/// robots.txt per RFC 9309: groups by user-agent (the most specific product-token match, else <c>*</c>),
/// allow/disallow with <c>*</c> and <c>$</c>, longest match wins and allow wins ties; plus the widely used
/// <c>Crawl-delay</c> and <c>Sitemap</c> lines. No package for this is available in the NuGet copy we build
/// from, so it is implemented here against the RFC's examples (see RobotsTxtTests).
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<Rule> rules;

    private RobotsTxt(List<Rule> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
    {
        this.rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    /// <summary>Everything allowed (no robots.txt, or 4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null, []);

    /// <summary>Nothing allowed (robots.txt answered 5xx or could not be fetched: RFC 9309 §2.3.1.4).</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Rule("/", false)], null, []);

    /// <summary>
    /// Nothing allowed because robots.txt was unreachable (5xx, 429, timeout or connection error, also on the re-checks):
    /// RFC 9309 §2.3.1.4 says assume complete disallow. <see cref="Unreachable"/> says why.
    /// </summary>
    public static RobotsTxt UnreachableBecause(Checks.LinkStatus cause) => new([new Rule("/", false)], null, []) { Unreachable = cause };

    /// <summary>Why robots.txt could not be read (then nothing is allowed), or null when it was read or is absent.</summary>
    public Checks.LinkStatus? Unreachable { get; private init; }

    public TimeSpan? CrawlDelay { get; }

    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsTxt Parse(string content, string userAgentProduct)
    {
        var groups = new List<(List<string> Agents, List<Rule> Rules, TimeSpan? Delay)>();
        var sitemaps = new List<string>();
        (List<string> Agents, List<Rule> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = ([], [], null);
                        groups.Add(current.Value);
                    }

                    current.Value.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    if (value.Length > 0 || key == "allow")
                    {
                        current.Value.Rules.Add(new Rule(value.Length == 0 ? "/" : value, key == "allow"));
                    }

                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        var index = groups.IndexOf(current.Value);
                        current = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(Math.Min(seconds, 1e7)));
                        groups[index] = current.Value;
                    }

                    break;
                case "sitemap":
                    if (value.Length > 0)
                    {
                        sitemaps.Add(value);
                    }

                    break;
            }

            lastWasAgent = false;
        }

        var product = userAgentProduct.ToLowerInvariant();
        var matching = groups.Where(g => g.Agents.Contains(product)).ToList();
        if (matching.Count == 0)
        {
            matching = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        // RFC 9309 §2.2.1: groups for the same agent are combined.
        var combined = matching.SelectMany(g => g.Rules).ToList();
        var delay = matching.Select(g => g.Delay).FirstOrDefault(d => d is not null);
        return new RobotsTxt(combined, delay, sitemaps);
    }

    /// <summary>Whether the path (with query) may be crawled.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt")
        {
            return true;
        }

        Rule? best = null;
        var bestLength = -1;
        foreach (var rule in rules)
        {
            if (!Matches(rule.Pattern, pathAndQuery))
            {
                continue;
            }

            var length = rule.Pattern.Length;
            if (length > bestLength || (length == bestLength && rule.Allow))
            {
                best = rule;
                bestLength = length;
            }
        }

        return best?.Allow ?? true;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored)
        {
            pattern = pattern[..^1];
        }

        // Compare in percent-decoded form for unreserved characters, as crawlers commonly do.
        return Match(Uri.UnescapeDataString(pattern), Uri.UnescapeDataString(path), anchored);
    }

    /// <summary>
    /// Wildcard match in O(pattern × path) at worst and linear in practice: the greedy two-pointer match with
    /// back-tracking to the last <c>*</c> only (as Google's robots parser does with its position list), never the
    /// exponential recursion that a rule like <c>/*a*a*a*a*a*a*a*b</c> causes. A rule without <c>$</c> matches a prefix
    /// of the path, so it behaves as if it ended in <c>*</c>.
    /// </summary>
    internal static bool Match(string p, string s, bool anchored)
    {
        int pi = 0, si = 0, star = -1, resume = 0;
        while (si < s.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                resume = si;
            }
            else if (pi < p.Length && p[pi] == s[si])
            {
                pi++;
                si++;
            }
            else if (pi == p.Length && !anchored)
            {
                return true;
            }
            else if (star >= 0)
            {
                // Let the last '*' swallow one more character and try the rest again from there.
                pi = star + 1;
                si = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }

    private sealed record Rule(string Pattern, bool Allow);
}
