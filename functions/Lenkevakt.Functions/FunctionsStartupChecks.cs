using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Functions;

/// <summary>
/// What must hold for the core to run under the Functions host, checked when the worker starts (with the core's own
/// option validation, <c>ValidateOnStart</c>), so a wrong setting stops the app with one clear message instead of
/// messages that are never picked up or poisoned at the wrong count.
/// </summary>
public sealed class FunctionsStartupChecks(IConfiguration configuration, StorageConnection connection, HostJson hostJson)
    : IValidateOptions<StorageOptions>, IValidateOptions<QueueOptions>
{
    private static readonly string[] CliOnlyStorageSettings = ["ConnectionString", "AccountName", "ManagedIdentityClientId"];

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.NamePrefix))
        {
            failures.Add($"{StorageOptions.Section}:NamePrefix is '{options.NamePrefix}', but under Azure Functions it must be empty: " +
                $"the queue triggers listen on the unprefixed queues {StorageNames.CrawlSite}, {StorageNames.Findings}, " +
                $"{StorageNames.SiteCrawled} and {StorageNames.Alerts}. Remove Lenkevakt__Storage__NamePrefix (use another storage account to keep deployments apart).");
        }

        var set = CliOnlyStorageSettings.Where(k => configuration[$"{StorageOptions.Section}:{k}"] is not null).ToList();
        if (set.Count > 0)
        {
            failures.Add($"{string.Join(", ", set.Select(k => "Lenkevakt__Storage__" + k))} set, but under Azure Functions the core uses the " +
                $"queue triggers' connection {connection.Name} (one setting for both, so they cannot point at different accounts). " +
                $"Remove {(set.Count == 1 ? "it" : "them")} and configure {connection.Name}.");
        }

        if (connection.Error is { } error)
        {
            failures.Add(error);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, QueueOptions options)
    {
        if (!hostJson.Exists)
        {
            return ValidateOptionsResult.Fail($"{hostJson.Path} not found: the content root must be the app folder (where the build puts host.json and config/).");
        }

        // One source: QueueOptions.MaxDequeueCount is taken from host.json (see LenkevaktFunctionsApp); a setting that says
        // otherwise would make the core write to -poison at a different delivery than the host counts.
        if (configuration[$"{QueueOptions.Section}:MaxDequeueCount"] is { } configured && configured != hostJson.MaxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return ValidateOptionsResult.Fail(
                $"{QueueOptions.Section}:MaxDequeueCount is {configured}, but host.json's extensions.queues.maxDequeueCount is {hostJson.MaxDequeueCount}. " +
                "Under Azure Functions host.json is the one source (the host counts the deliveries): remove Lenkevakt__Queues__MaxDequeueCount.");
        }

        return options.MaxDequeueCount == hostJson.MaxDequeueCount
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{QueueOptions.Section}:MaxDequeueCount is {options.MaxDequeueCount}, host.json says {hostJson.MaxDequeueCount}.");
    }
}
