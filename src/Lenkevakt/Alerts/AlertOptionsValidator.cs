using Microsoft.Extensions.Options;

namespace Lenkevakt.Alerts;

/// <summary>Checks at start that the dashboard link put in digests is an absolute http(s) URL.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options) =>
        string.IsNullOrEmpty(options.DashboardUrl)
        || (Uri.TryCreate(options.DashboardUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"DashboardUrl: «{options.DashboardUrl}» er ikke en absolutt http(s)-adresse");
}
