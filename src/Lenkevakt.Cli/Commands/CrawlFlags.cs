using System.CommandLine;
using System.Globalization;
using Lenkevakt.Crawling;

namespace Lenkevakt.Cli.Commands;

/// <summary>Crawl tuning flags shared by <c>run</c> and <c>demo</c>; each maps to a <c>Lenkevakt:Crawl</c> setting.</summary>
public sealed class CrawlFlags
{
    public Option<bool> AllowPrivate { get; } = new("--allow-private") { Description = "Allow loopback targets, and the sites' own hosts wherever they resolve (local test sites). Other private and link-local targets stay refused unless listed in Lenkevakt:Crawl:PrivateHosts." };
    public Option<int?> MaxPages { get; } = CliOptions.Number("--max-pages", "Pages per site (overrides the sites file; 1..1000000).", 1, 1_000_000);
    public Option<int?> MaxDepth { get; } = CliOptions.Number("--max-depth", "Link depth from the start URLs (overrides the sites file; 0..1000).", 0, 1000);
    public Option<int?> HostConcurrency { get; } = CliOptions.Number("--host-concurrency", "Concurrent requests per host (default 4; 1..256).", 1, 256);
    public Option<int?> HostDelayMs { get; } = CliOptions.Number("--host-delay", "Minimum milliseconds between requests to one host (default 100).", 0, 3_600_000);
    public Option<int?> LinkConcurrency { get; } = CliOptions.Number("--link-concurrency", "Concurrent link checks across hosts (default 32; 1..1024).", 1, 1024);
    public Option<string[]> Exclude { get; } = new("--exclude") { Description = "Regular expression of URLs to skip (repeatable).", AllowMultipleArgumentsPerToken = false };
    public Option<string[]> InternalHosts { get; } = new("--internal-host") { Description = "Another host whose links count as internal (checked, not crawled), e.g. the CMS's file host (repeatable)." };
    public Option<string?> Accept { get; } = new("--accept") { Description = "Status codes counted as OK, e.g. 200-299,403." };
    public Option<string?> UserAgentContact { get; } = new("--contact") { Description = "Contact URL sent in the User-Agent." };
    public Option<bool> CheckExternalFragments { get; } = new("--check-external-fragments") { Description = "Also check #fragments of links to pages that are not crawled (fetches each such page once; off by default)." };

    public CrawlFlags()
    {
        Exclude.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
            {
                if (CrawlOptionsValidator.RegexProblem(token.Value) is { } problem)
                {
                    r.AddError($"--exclude: {problem}.");
                }
            }
        });
        Accept.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
            {
                if (StatusCodeList.Problem(token.Value) is { } problem)
                {
                    r.AddError($"--accept: {problem}.");
                }
            }
        });
        UserAgentContact.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
            {
                if (!Uri.TryCreate(token.Value, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps && u.Scheme != Uri.UriSchemeMailto))
                {
                    r.AddError($"--contact: «{token.Value}» er ikke en absolutt http(s)- eller mailto-adresse.");
                }
            }
        });
    }

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { AllowPrivate, MaxPages, MaxDepth, HostConcurrency, HostDelayMs, LinkConcurrency, Exclude, InternalHosts, Accept, UserAgentContact, CheckExternalFragments })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>The configuration overrides these flags make.</summary>
    public Dictionary<string, string?> Overrides(ParseResult p)
    {
        var d = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (p.GetValue(AllowPrivate))
        {
            d["Lenkevakt:Crawl:AllowPrivateNetworks"] = "true";
        }

        if (p.GetValue(CheckExternalFragments))
        {
            d["Lenkevakt:Crawl:CheckExternalFragments"] = "true";
        }

        void Set(string key, int? value)
        {
            if (value is { } v)
            {
                d[key] = v.ToString(CultureInfo.InvariantCulture);
            }
        }

        Set("Lenkevakt:Crawl:HostConcurrency", p.GetValue(HostConcurrency));
        Set("Lenkevakt:Crawl:LinkCheckConcurrency", p.GetValue(LinkConcurrency));
        if (p.GetValue(HostDelayMs) is { } delay)
        {
            d["Lenkevakt:Crawl:HostMinInterval"] = TimeSpan.FromMilliseconds(delay).ToString("c", CultureInfo.InvariantCulture);
        }

        var excludes = p.GetValue(Exclude) ?? [];
        for (var i = 0; i < excludes.Length; i++)
        {
            d[$"Lenkevakt:Crawl:Exclude:{i}"] = excludes[i];
        }

        if (p.GetValue(Accept) is { } accept)
        {
            d["Lenkevakt:Crawl:AcceptedStatusCodes"] = accept;
        }

        if (p.GetValue(UserAgentContact) is { } contact)
        {
            d["Lenkevakt:Crawl:ContactUrl"] = contact;
        }

        return d;
    }
}
