using System.Text.Json.Serialization;

namespace Lenkevakt.Sites;

/// <summary>One configured site: who publishes it, where to start and how far to crawl.</summary>
public sealed record SiteDefinition
{
    /// <summary>Stable id, used as the partition key everywhere (e.g. <c>kommune-0301</c>, <c>helsenorge-psykisk-helse</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Human name shown in reports (e.g. "Oslo kommune").</summary>
    public required string Name { get; init; }

    public SiteKind Kind { get; init; } = SiteKind.Other;

    /// <summary>Four-digit municipality number (kommunenummer) for municipalities.</summary>
    public string? Kommunenummer { get; init; }

    /// <summary>County name (fylke) for municipalities.</summary>
    public string? Fylke { get; init; }

    /// <summary>Two-digit county number (fylkesnummer).</summary>
    public string? Fylkesnummer { get; init; }

    /// <summary>Where the crawl starts. At least one absolute http(s) URL.</summary>
    public required IReadOnlyList<Uri> StartUrls { get; init; }

    /// <summary>Scope and limits for this site.</summary>
    public CrawlScope Scope { get; init; } = new();

    /// <summary>Editors' webhook subscriptions for this site.</summary>
    public IReadOnlyList<AlertSubscription> Subscriptions { get; init; } = [];
}

/// <summary>Which URLs belong to a site's crawl and how much of it to crawl.</summary>
public sealed record CrawlScope
{
    /// <summary>Hosts (with port when not default) whose pages are crawled. Empty: the hosts of the start URLs.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Path prefixes that are crawled (e.g. <c>/psykisk-helse/</c>). Empty: the whole host.</summary>
    public IReadOnlyList<string> PathPrefixes { get; init; } = [];

    /// <summary>Further hosts whose links count as internal (checked, not crawled), e.g. the www/apex pair.</summary>
    public IReadOnlyList<string> InternalHosts { get; init; } = [];

    /// <summary>Maximum pages fetched and parsed for this site per run. Default 500.</summary>
    public int MaxPages { get; init; } = 500;

    /// <summary>Maximum link depth from a start URL. Default 10.</summary>
    public int MaxDepth { get; init; } = 10;

    /// <summary>Allow loopback, private and link-local targets (local test sites only). Default false.</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Regular expressions; a URL that matches one is neither crawled nor checked.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
}

/// <summary>A webhook that receives a digest of new and resolved findings for one site.</summary>
public sealed record AlertSubscription
{
    public required string Id { get; init; }

    public required Uri WebhookUrl { get; init; }

    /// <summary><c>json</c> (signed), <c>teams</c> or <c>slack</c>.</summary>
    public string Format { get; init; } = "json";

    /// <summary>Lowest severity included (<c>info</c>, <c>warning</c>, <c>error</c>).</summary>
    public string MinSeverity { get; init; } = "warning";

    /// <summary>Finding kinds to include; empty means all.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Name of the configuration key holding the HMAC secret (never the secret itself).</summary>
    [JsonPropertyName("secretSetting")]
    public string? SecretSetting { get; init; }
}
