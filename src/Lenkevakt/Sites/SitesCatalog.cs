using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Lenkevakt.Sites;

/// <summary>
/// Loads the sites catalogue (<c>config/sites.json</c>): explicit sites (helsenorge.no sections and others)
/// plus one site per municipality from a <c>kommuner.csv</c>, each with scope defaults and overrides.
/// Every problem is reported as a <see cref="SitesFileException"/> naming the file, position and problem.
/// </summary>
public static class SitesCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IReadOnlyList<SiteDefinition> Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new SitesFileException(path, "-", $"filen finnes ikke (lette etter {full})");
        }

        SitesFile? file;
        try
        {
            using var stream = File.OpenRead(full);
            file = JsonSerializer.Deserialize<SitesFile>(stream, JsonOptions);
        }
        catch (JsonException ex)
        {
            var position = ex.LineNumber is { } line ? $"linje {line + 1}, byte {ex.BytePositionInLine + 1}" : "-";
            var problem = ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0];
            if (ex.Path is { Length: > 0 } jsonPath)
            {
                problem = $"{problem} (ved {jsonPath})";
            }

            throw new SitesFileException(path, position, problem, ex);
        }

        if (file is null)
        {
            throw new SitesFileException(path, "linje 1", "filen er tom eller null");
        }

        if (file.Version != 1)
        {
            throw new SitesFileException(path, "$.version", $"versjon {file.Version} støttes ikke; denne Lenkevakt leser versjon 1");
        }

        var baseDir = Path.GetDirectoryName(full)!;
        var sites = new List<SiteDefinition>();
        var defaults = file.Defaults ?? new ScopeDto();
        for (var i = 0; i < (file.Sites?.Count ?? 0); i++)
        {
            sites.Add(ToSite(path, $"$.sites[{i}]", file.Sites![i], defaults));
        }

        if (file.Municipalities is { } m)
        {
            var csvPath = Path.Combine(baseDir, m.Csv ?? throw new SitesFileException(path, "$.municipalities.csv", "mangler stien til kommuner.csv"));
            if (!File.Exists(csvPath))
            {
                throw new SitesFileException(path, "$.municipalities.csv", $"filen finnes ikke: {csvPath}");
            }

            var scope = Merge(defaults, m.Defaults);
            var onlyCounties = m.Fylker?.ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var row in Municipality.ReadCsv(csvPath))
            {
                if (onlyCounties is not null && !onlyCounties.Contains(row.Fylke) && !onlyCounties.Contains(row.Fylkesnummer))
                {
                    continue;
                }

                OverrideDto? ov = null;
                m.Overrides?.TryGetValue(row.Kommunenummer, out ov);
                var dto = new SiteDto
                {
                    Id = $"kommune-{row.Kommunenummer}",
                    Name = row.Kommune,
                    Kind = SiteKind.Municipality,
                    Kommunenummer = row.Kommunenummer,
                    Fylke = row.Fylke,
                    Fylkesnummer = row.Fylkesnummer,
                    StartUrls = ov?.StartUrls ?? [row.Nettside],
                    Subscriptions = ov?.Subscriptions,
                    Scope = ov?.Scope,
                };
                sites.Add(ToSite(path, $"$.municipalities (kommunenummer {row.Kommunenummer})", dto, scope));
            }
        }

        var duplicate = sites.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SitesFileException(path, "$.sites", $"nettsteds-id «{duplicate.Key}» er brukt {duplicate.Count()} ganger; id-ene må være unike");
        }

        return sites;
    }

    /// <summary>An ad-hoc site for <c>lenkevakt run --url</c>: the URL's host, the whole host in scope.</summary>
    public static SiteDefinition ForUrl(Uri url, CrawlScope scope)
    {
        var id = "url-" + Regex.Replace(url.Authority.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return new SiteDefinition { Id = id, Name = url.Authority, Kind = SiteKind.Other, StartUrls = [url], Scope = scope };
    }

    private static SiteDefinition ToSite(string file, string at, SiteDto dto, ScopeDto defaults)
    {
        if (string.IsNullOrWhiteSpace(dto.Id) || !Regex.IsMatch(dto.Id, "^[a-z0-9][a-z0-9-]{0,62}$"))
        {
            throw new SitesFileException(file, $"{at}.id", $"«{dto.Id}» er ikke en gyldig nettsteds-id (små bokstaver, sifre og «-», høyst 63 tegn)");
        }

        if (dto.StartUrls is not { Count: > 0 })
        {
            throw new SitesFileException(file, $"{at}.startUrls", "minst én startadresse trengs");
        }

        var urls = new List<Uri>();
        for (var i = 0; i < dto.StartUrls.Count; i++)
        {
            if (!Uri.TryCreate(dto.StartUrls[i], UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
            {
                throw new SitesFileException(file, $"{at}.startUrls[{i}]", $"«{dto.StartUrls[i]}» er ikke en absolutt http(s)-adresse");
            }

            urls.Add(u);
        }

        var s = Merge(defaults, dto.Scope);
        if (s.MaxPages is < 1 or > 1_000_000)
        {
            throw new SitesFileException(file, $"{at}.scope.maxPages", $"{s.MaxPages} er utenfor 1..1000000");
        }

        if (s.MaxDepth is < 0 or > 1000)
        {
            throw new SitesFileException(file, $"{at}.scope.maxDepth", $"{s.MaxDepth} er utenfor 0..1000");
        }

        foreach (var (pattern, i) in (s.Exclude ?? []).Select((p, i) => (p, i)))
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw new SitesFileException(file, $"{at}.scope.exclude[{i}]", $"ugyldig regulært uttrykk: {ex.Message}");
            }
        }

        var subs = new List<AlertSubscription>();
        foreach (var (sub, i) in (dto.Subscriptions ?? []).Select((x, i) => (x, i)))
        {
            if (sub.WebhookUrl is null || !sub.WebhookUrl.IsAbsoluteUri)
            {
                throw new SitesFileException(file, $"{at}.subscriptions[{i}].webhookUrl", "en absolutt webhook-adresse trengs");
            }

            if (sub.Format is not ("json" or "teams" or "slack"))
            {
                throw new SitesFileException(file, $"{at}.subscriptions[{i}].format", $"«{sub.Format}» er ikke en av json, teams, slack");
            }

            if (string.IsNullOrWhiteSpace(sub.Id))
            {
                throw new SitesFileException(file, $"{at}.subscriptions[{i}].id", "abonnementet trenger en id (varselloggen bruker den som nøkkel)");
            }

            if (subs.FindIndex(x => string.Equals(x.Id, sub.Id, StringComparison.Ordinal)) is var first and >= 0)
            {
                throw new SitesFileException(file, $"{at}.subscriptions[{i}].id", $"abonnements-id «{sub.Id}» er alt brukt av subscriptions[{first}]; id-ene må være unike innen et nettsted");
            }

            subs.Add(sub);
        }

        var hosts = s.AllowedHosts is { Count: > 0 } ? s.AllowedHosts : urls.Select(u => u.Authority.ToLowerInvariant()).Distinct().ToList();
        var internalHosts = (s.InternalHosts ?? []).Concat(hosts.Select(WwwTwin)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new SiteDefinition
        {
            Id = dto.Id,
            Name = string.IsNullOrWhiteSpace(dto.Name) ? dto.Id : dto.Name,
            Kind = dto.Kind,
            Kommunenummer = dto.Kommunenummer,
            Fylke = dto.Fylke,
            Fylkesnummer = dto.Fylkesnummer,
            StartUrls = urls,
            Subscriptions = subs,
            Scope = new CrawlScope
            {
                AllowedHosts = hosts.Select(h => h.ToLowerInvariant()).ToList(),
                PathPrefixes = s.PathPrefixes ?? [],
                InternalHosts = internalHosts,
                MaxPages = s.MaxPages ?? 500,
                MaxDepth = s.MaxDepth ?? 10,
                AllowPrivateNetworks = s.AllowPrivateNetworks ?? false,
                Exclude = s.Exclude ?? [],
            },
        };
    }

    private static string WwwTwin(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : "www." + host;

    private static ScopeDto Merge(ScopeDto baseScope, ScopeDto? over) => over is null ? baseScope : new ScopeDto
    {
        AllowedHosts = over.AllowedHosts ?? baseScope.AllowedHosts,
        PathPrefixes = over.PathPrefixes ?? baseScope.PathPrefixes,
        InternalHosts = over.InternalHosts ?? baseScope.InternalHosts,
        MaxPages = over.MaxPages ?? baseScope.MaxPages,
        MaxDepth = over.MaxDepth ?? baseScope.MaxDepth,
        AllowPrivateNetworks = over.AllowPrivateNetworks ?? baseScope.AllowPrivateNetworks,
        Exclude = over.Exclude ?? baseScope.Exclude,
    };

    private sealed class SitesFile
    {
        [JsonPropertyName("$schema")] public string? Schema { get; set; }
        public int Version { get; set; }
        public string? Description { get; set; }
        public ScopeDto? Defaults { get; set; }
        public List<SiteDto>? Sites { get; set; }
        public MunicipalitiesDto? Municipalities { get; set; }
    }

    private sealed class MunicipalitiesDto
    {
        public string? Csv { get; set; }
        public string? Source { get; set; }
        public ScopeDto? Defaults { get; set; }
        public List<string>? Fylker { get; set; }
        public Dictionary<string, OverrideDto>? Overrides { get; set; }
    }

    private sealed class OverrideDto
    {
        public List<string>? StartUrls { get; set; }
        public ScopeDto? Scope { get; set; }
        public List<AlertSubscription>? Subscriptions { get; set; }
    }

    private sealed class SiteDto
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public SiteKind Kind { get; set; } = SiteKind.Other;
        public string? Kommunenummer { get; set; }
        public string? Fylke { get; set; }
        public string? Fylkesnummer { get; set; }
        public List<string>? StartUrls { get; set; }
        public ScopeDto? Scope { get; set; }
        public List<AlertSubscription>? Subscriptions { get; set; }
    }

    private sealed class ScopeDto
    {
        public List<string>? AllowedHosts { get; set; }
        public List<string>? PathPrefixes { get; set; }
        public List<string>? InternalHosts { get; set; }
        public int? MaxPages { get; set; }
        public int? MaxDepth { get; set; }
        public bool? AllowPrivateNetworks { get; set; }
        public List<string>? Exclude { get; set; }
    }
}
