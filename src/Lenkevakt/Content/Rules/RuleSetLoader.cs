using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Lenkevakt.Content.Rules;

/// <summary>
/// Loads and validates a rule file. The default rule set is <c>config/rules/required-fields.v1.json</c>, embedded in
/// the assembly; <see cref="ContentOptions.RulesFile"/> points to another file (e.g. a newer version) without a rebuild.
/// </summary>
public static partial class RuleSetLoader
{
    public const string EmbeddedName = "Lenkevakt.Content.Rules.required-fields.v1.json";

    public static readonly string[] KnownDetectors = ["phone", "email", "address", "opening-hours", "language-offer", "page-language"];

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static RuleSet LoadEmbedded()
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new RuleSetException($"The embedded rule set {EmbeddedName} is missing from the assembly.");
        return Load(stream, EmbeddedName);
    }

    public static RuleSet LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new RuleSetException($"Rule file not found: {Path.GetFullPath(path)}");
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static RuleSet Load(Stream json, string origin)
    {
        RuleSet? set;
        try
        {
            set = JsonSerializer.Deserialize<RuleSet>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new RuleSetException($"{origin}: invalid JSON: {ex.Message}", ex);
        }

        if (set is null)
        {
            throw new RuleSetException($"{origin}: empty rule file.");
        }

        var problems = Validate(set).ToList();
        if (problems.Count > 0)
        {
            throw new RuleSetException($"{origin}: {problems.Count} problem(s):\n - " + string.Join("\n - ", problems));
        }

        return set;
    }

    public static IEnumerable<string> Validate(RuleSet set)
    {
        if (string.IsNullOrWhiteSpace(set.Name))
        {
            yield return "name is required";
        }

        if (!SemVer().IsMatch(set.Version ?? ""))
        {
            yield return $"version '{set.Version}' is not MAJOR.MINOR.PATCH";
        }

        if (set.Rules.Count == 0)
        {
            yield return "no rules";
        }

        var sourceIds = set.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in set.Rules)
        {
            var id = rule.Id;
            if (!KebabCase().IsMatch(id))
            {
                yield return $"rule id '{id}' must be kebab-case (a-z, 0-9, '-')";
            }

            if (!seen.Add(id))
            {
                yield return $"duplicate rule id '{id}'";
            }

            if (rule.Version < 1)
            {
                yield return $"{id}: version must be 1 or more";
            }

            foreach (var (name, value) in new[] { ("titleNb", rule.TitleNb), ("titleEn", rule.TitleEn), ("descriptionNb", rule.DescriptionNb), ("descriptionEn", rule.DescriptionEn), ("missingNb", rule.MissingNb) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    yield return $"{id}: {name} is required";
                }
            }

            if (rule.AppliesTo.Count == 0 || rule.AppliesTo.Any(a => a is not ("municipality" or "helsenorge")))
            {
                yield return $"{id}: appliesTo must list 'municipality' and/or 'helsenorge'";
            }

            if (rule.Severity is not ("error" or "warning" or "info"))
            {
                yield return $"{id}: severity must be error, warning or info";
            }

            if (rule.Sources.Count == 0)
            {
                yield return $"{id}: at least one source is required";
            }

            foreach (var s in rule.Sources.Where(s => !sourceIds.Contains(s)))
            {
                yield return $"{id}: unknown source '{s}'";
            }

            foreach (var r in rule.Regions ?? [])
            {
                if (!Enum.TryParse<Text.PageRegion>(r, ignoreCase: true, out _))
                {
                    yield return $"{id}: unknown region '{r}'";
                }
            }

            foreach (var p in ValidateCondition(rule.Detect, id))
            {
                yield return p;
            }
        }
    }

    private static IEnumerable<string> ValidateCondition(RuleCondition c, string where)
    {
        var kinds = new[] { c.Phrases is not null, c.Patterns is not null, c.Detector is not null, c.All is not null, c.Any is not null }.Count(x => x);
        if (kinds != 1)
        {
            yield return $"{where}: a condition needs exactly one of phrases, patterns, detector, all, any (has {kinds})";
        }

        if (c.Detector is { } d && !KnownDetectors.Contains(d))
        {
            yield return $"{where}: unknown detector '{d}' (known: {string.Join(", ", KnownDetectors)})";
        }

        if (c.Within is not ("sentence" or "block" or "nearby" or "section" or "page"))
        {
            yield return $"{where}: within must be sentence, block, nearby, section or page";
        }

        if (c.Within == "sentence" && (c.All ?? []).Any(sub => sub.Phrases is null && sub.Patterns is null && sub.Detector is null))
        {
            yield return $"{where}: within sentence takes phrases, patterns or detectors only";
        }

        if (c.Phrases is { } phrases && phrases.Values.Sum(v => v.Count) == 0)
        {
            yield return $"{where}: empty phrase list";
        }

        foreach (var pattern in c.Patterns ?? [])
        {
            string? error = null;
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
            }

            if (error is not null)
            {
                yield return $"{where}: bad pattern '{pattern}': {error}";
            }
        }

        if (c.None is not null && (c.All is null || c.Within != "sentence" || c.None.Any(n => n.Phrases is null && n.Patterns is null)))
        {
            yield return $"{where}: none takes phrases or patterns and goes with all within sentence";
        }

        if (c.Lemmas is not null && (c.Phrases is null || c.MinDistinct < 2))
        {
            yield return $"{where}: lemmas go with phrases and minDistinct 2 or more";
        }

        foreach (var sub in (c.All ?? []).Concat(c.Any ?? []).Concat(c.None ?? []))
        {
            foreach (var p in ValidateCondition(sub, where))
            {
                yield return p;
            }
        }
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
