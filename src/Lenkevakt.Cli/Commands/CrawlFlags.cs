using System.CommandLine;
using System.Globalization;

namespace Lenkevakt.Cli.Commands;

/// <summary>Crawl tuning flags shared by <c>run</c> and <c>demo</c>; each maps to a <c>Lenkevakt:Crawl</c> setting.</summary>
public sealed class CrawlFlags
{
    public Option<bool> AllowPrivate { get; } = new("--allow-private") { Description = "Allow loopback targets, and the sites' own hosts wherever they resolve (local test sites). Other private and link-local targets stay refused unless listed in Lenkevakt:Crawl:PrivateHosts." };
    public Option<int?> MaxPages { get; } = new("--max-pages") { Description = "Pages per site (overrides the sites file)." };
    public Option<int?> MaxDepth { get; } = new("--max-depth") { Description = "Link depth from the start URLs (overrides the sites file)." };
    public Option<int?> HostConcurrency { get; } = new("--host-concurrency") { Description = "Concurrent requests per host (default 4)." };
    public Option<int?> HostDelayMs { get; } = new("--host-delay") { Description = "Minimum milliseconds between requests to one host (default 100)." };
    public Option<int?> LinkConcurrency { get; } = new("--link-concurrency") { Description = "Concurrent link checks across hosts (default 32)." };
    public Option<string[]> Exclude { get; } = new("--exclude") { Description = "Regular expression of URLs to skip (repeatable).", AllowMultipleArgumentsPerToken = false };
    public Option<string[]> InternalHosts { get; } = new("--internal-host") { Description = "Another host whose links count as internal (checked, not crawled), e.g. the CMS's file host (repeatable)." };
    public Option<string?> Accept { get; } = new("--accept") { Description = "Status codes counted as OK, e.g. 200-299,403." };
    public Option<string?> UserAgentContact { get; } = new("--contact") { Description = "Contact URL sent in the User-Agent." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { AllowPrivate, MaxPages, MaxDepth, HostConcurrency, HostDelayMs, LinkConcurrency, Exclude, InternalHosts, Accept, UserAgentContact })
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
