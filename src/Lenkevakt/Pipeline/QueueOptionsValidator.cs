using Microsoft.Extensions.Options;

namespace Lenkevakt.Pipeline;

/// <summary>Checks at start that the queue timings are positive.</summary>
public sealed class QueueOptionsValidator : IValidateOptions<QueueOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, value) in new[]
                 {
                     (nameof(options.VisibilityTimeout), options.VisibilityTimeout),
                     (nameof(options.MaxPollInterval), options.MaxPollInterval),
                     (nameof(options.CrawlLease), options.CrawlLease),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{key}: må være større enn null (er {value})");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
