using Microsoft.Extensions.Options;

namespace Lenkevakt.Alerts;

/// <summary>Checks at start that the dashboard link put in digests is an absolute http(s) URL and the attempt timeout is positive.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.DashboardUrl)
            && !(Uri.TryCreate(options.DashboardUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"DashboardUrl: «{options.DashboardUrl}» er ikke en absolutt http(s)-adresse");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"AttemptTimeout: må være større enn null (er {options.AttemptTimeout})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
