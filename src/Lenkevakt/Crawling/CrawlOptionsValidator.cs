using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Crawling;

/// <summary>
/// Checks at start what data annotations cannot: every <see cref="CrawlOptions.Exclude"/> pattern compiles, the
/// accepted status codes parse, timeouts are positive and the contact URL is absolute. Messages are Norwegian (they reach
/// the CLI user as they are).
/// </summary>
public sealed class CrawlOptionsValidator : IValidateOptions<CrawlOptions>
{
    public ValidateOptionsResult Validate(string? name, CrawlOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Exclude.Count; i++)
        {
            if (RegexProblem(options.Exclude[i]) is { } problem)
            {
                failures.Add($"Exclude:{i}: {problem}");
            }
        }

        if (StatusCodeList.Problem(options.AcceptedStatusCodes) is { } codes)
        {
            failures.Add($"AcceptedStatusCodes: {codes}");
        }

        Positive(failures, nameof(options.AttemptTimeout), options.AttemptTimeout);
        Positive(failures, nameof(options.TotalTimeout), options.TotalTimeout);
        Positive(failures, nameof(options.CheckpointInterval), options.CheckpointInterval);
        Positive(failures, nameof(options.ResponseTimeout), options.ResponseTimeout);
        Positive(failures, nameof(options.MaxParseTime), options.MaxParseTime);
        NotNegative(failures, nameof(options.MaxCrawlDelay), options.MaxCrawlDelay);
        Positive(failures, nameof(options.CircuitBreakDuration), options.CircuitBreakDuration);
        NotNegative(failures, nameof(options.HostMinInterval), options.HostMinInterval);
        NotNegative(failures, nameof(options.SiteStartInterval), options.SiteStartInterval);
        NotNegative(failures, nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        NotNegative(failures, nameof(options.MaxRetryAfter), options.MaxRetryAfter);
        NotNegative(failures, nameof(options.TimeBudget), options.TimeBudget);
        NotNegative(failures, nameof(options.ExternalLinkTtl), options.ExternalLinkTtl);
        NotNegative(failures, nameof(options.TransientRecheckDelay), options.TransientRecheckDelay);
        if (options.TransientRechecks is < 0 or > 10)
        {
            failures.Add($"TransientRechecks: {options.TransientRechecks} er utenfor 0..10");
        }
        if (!Uri.TryCreate(options.ContactUrl, UriKind.Absolute, out var contact) || (contact.Scheme != Uri.UriSchemeHttp && contact.Scheme != Uri.UriSchemeHttps && contact.Scheme != Uri.UriSchemeMailto))
        {
            failures.Add($"ContactUrl: «{options.ContactUrl}» er ikke en absolutt http(s)- eller mailto-adresse");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Why <paramref name="pattern"/> is not a usable .NET regular expression (Norwegian), or null.</summary>
    public static string? RegexProblem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"«{pattern}» er ikke et gyldig regulært uttrykk ({ex.Message})";
        }
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name}: må være større enn null (er {value})");
        }
    }

    private static void NotNegative(List<string> failures, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{name}: kan ikke være negativ (er {value})");
        }
    }
}
