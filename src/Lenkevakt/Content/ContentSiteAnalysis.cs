using System.Collections.Concurrent;
using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Content.Persistence;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Content;

/// <summary>One site's content analysis in one run (see <see cref="ContentAnalyzer"/>). <see cref="OnPage"/> is thread-safe.</summary>
public sealed class ContentSiteAnalysis : ISiteAnalysis
{
    private readonly SiteDefinition site;
    private readonly string runId;
    private readonly PageContentEvaluator evaluator;
    private readonly IContentResultStore store;
    private readonly ContentOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, PageContentResult> pages = new(StringComparer.Ordinal);
    private readonly SiteContentAccumulator accumulator;

    public ContentSiteAnalysis(SiteDefinition site, string runId, PageContentEvaluator evaluator, IContentResultStore store, ContentOptions options, TimeProvider time, ILogger logger)
    {
        this.site = site;
        this.runId = runId;
        this.evaluator = evaluator;
        this.store = store;
        this.options = options;
        this.time = time;
        this.logger = logger;
        accumulator = new SiteContentAccumulator(evaluator.Engine.RuleSet);
    }

    public IReadOnlyCollection<PageContentResult> Pages => pages.Values.ToList();

    public string? OnPage(Uri pageUrl, ParsedPage page, FetchResult fetch)
    {
        if (!options.Enabled || page.Document is null || !fetch.IsHtml)
        {
            return null;
        }

        PageContentResult result;
        try
        {
            result = evaluator.Evaluate(site.Id, site.Kind, pageUrl, page);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Content checks failed on {Url}", pageUrl);
            return null;
        }

        if (pages.TryAdd(result.Url, result))
        {
            accumulator.Add(result);
        }

        return System.Text.Json.JsonSerializer.Serialize(result, CheckpointJson);
    }

    public void OnResumedPage(string pageUrl, string state)
    {
        if (!options.Enabled || System.Text.Json.JsonSerializer.Deserialize<PageContentResult>(state, CheckpointJson) is not { } result)
        {
            return;
        }

        if (pages.TryAdd(result.Url, result))
        {
            accumulator.Add(result);
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions CheckpointJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task<IReadOnlyList<Finding>> CompleteAsync(CancellationToken ct)
    {
        if (!options.Enabled)
        {
            return [];
        }

        var list = pages.Values.OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        var rules = evaluator.Engine.RuleSet;
        var siteResult = accumulator.Complete(site.Id, site.Name, KindName(site.Kind), evaluator.Audience(site.Kind), runId, time.GetUtcNow());
        var siteUrl = site.StartUrls.Count > 0 ? site.StartUrls[0].AbsoluteUri : $"site:{site.Id}";
        var findings = new List<Finding>();
        findings.AddRange(ContentFindings.CapPerRule(list.SelectMany(page => ContentFindings.ForPage(page, rules, options)), list, options.MaxPageFindingsPerRule, site.Id, siteUrl));
        findings.AddRange(ContentFindings.Reciprocity(list));
        if (list.Count > 0)
        {
            findings.AddRange(ContentFindings.ForSite(siteResult, rules, siteUrl));
        }

        if (options.Persist)
        {
            try
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await store.SaveAsync(siteResult, list, ct).ConfigureAwait(false);
                logger.LogInformation("Stored content results of {Site}: {Pages} pages in {Seconds:0.0}s", site.Id, list.Count, watch.Elapsed.TotalSeconds);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Findings still flow through the pipeline; the content tables are a report, not the source of truth.
                logger.LogError(ex, "Could not store content results for {Site}", site.Id);
            }
        }

        SiteResult = siteResult;
        return findings;
    }

    /// <summary>The site result after <see cref="CompleteAsync"/>.</summary>
    public SiteContentResult? SiteResult { get; private set; }

    public static string KindName(SiteKind kind) => kind switch
    {
        SiteKind.Municipality => "municipality",
        SiteKind.Helsenorge => "helsenorge",
        _ => "other",
    };
}
