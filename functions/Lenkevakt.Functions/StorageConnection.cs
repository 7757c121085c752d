using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Lenkevakt.Functions;

/// <summary>
/// Reads a Functions storage connection setting (<c>LenkevaktStorage</c>), the one the queue triggers listen on, so the
/// core's queue, table and blob clients point at the same account. Two forms, as the Functions host reads them:
/// a connection string (<c>LenkevaktStorage=UseDevelopmentStorage=true</c>, Azurite), or identity-based settings under
/// the name: <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__blobServiceUri</c> (any cloud or custom endpoint;
/// <c>__serviceUri</c> is not enough, the core needs all three services), or <c>__accountName</c> for the public Azure
/// cloud's <c>https://{name}.{service}.core.windows.net</c>; with <c>__credential</c> (<c>managedidentity</c>),
/// <c>__clientId</c> and the other credential keys Microsoft.Extensions.Azure reads.
/// </summary>
public sealed partial class StorageConnection
{
    private static readonly string[] Services = ["queue", "table", "blob"];
    private static readonly string[] EndpointKeys = ["queueServiceUri", "tableServiceUri", "blobServiceUri", "serviceUri", "endpoint", "accountName"];

    private readonly IConfigurationSection section;
    private readonly Dictionary<string, Uri> endpoints = new(StringComparer.Ordinal);

    private StorageConnection(IConfigurationSection section) => this.section = section;

    /// <summary>The setting's name (<c>LenkevaktStorage</c>).</summary>
    public string Name => section.Key;

    /// <summary>A connection string, or null for identity-based settings.</summary>
    public string? ConnectionString => string.IsNullOrWhiteSpace(section.Value) ? null : section.Value;

    /// <summary>Why the setting cannot be used (names the missing or malformed keys), or null when it can.</summary>
    public string? Error { get; private set; }

    public static StorageConnection Read(IConfiguration configuration, string name)
    {
        var connection = new StorageConnection(configuration.GetSection(name));
        connection.Parse();
        return connection;
    }

    /// <summary>
    /// Configuration in the shape Microsoft.Extensions.Azure's <c>AddQueueServiceClient</c> (and the table and blob
    /// equivalents) read: the connection string as the section's value, or that service's URI (under the client
    /// constructor's parameter name) plus the credential keys of the setting.
    /// </summary>
    public IConfiguration For(string service)
    {
        if (ConnectionString is not null || !endpoints.TryGetValue(service, out var uri))
        {
            return section;
        }

        var values = section.GetChildren()
            .Where(c => c.Value is not null && !EndpointKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
        // The constructors' parameter names: serviceUri (queue, blob), endpoint (table).
        values["serviceUri"] = uri.AbsoluteUri;
        values["endpoint"] = uri.AbsoluteUri;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>Where the connection points, safe to print (account keys and SAS signatures masked).</summary>
    public string Describe()
    {
        if (ConnectionString is { } cs)
        {
            return $"{Name} = {SecretPart().Replace(cs, "$1=***")}";
        }

        var credential = section["credential"] is { Length: > 0 } c ? $"credential {c}" : "DefaultAzureCredential";
        return $"{Name}: " + string.Join(", ", Services.Where(endpoints.ContainsKey).Select(s => $"{s} {endpoints[s].AbsoluteUri}")) + $" ({credential})";
    }

    private void Parse()
    {
        if (ConnectionString is not null)
        {
            return;
        }

        if (!section.GetChildren().Any())
        {
            Error = $"The storage connection setting {Name} is not set. Set {Name} to a connection string (locally " +
                $"UseDevelopmentStorage=true), or {Name}__queueServiceUri, {Name}__tableServiceUri and {Name}__blobServiceUri " +
                $"(with {Name}__credential=managedidentity and {Name}__clientId in Azure).";
            return;
        }

        var accountName = section["accountName"];
        var missing = new List<string>();
        foreach (var service in Services)
        {
            var value = section[service + "ServiceUri"];
            if (string.IsNullOrWhiteSpace(value) && !string.IsNullOrWhiteSpace(accountName))
            {
                value = $"https://{accountName}.{service}.core.windows.net";
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add($"{Name}__{service}ServiceUri");
            }
            else if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            {
                endpoints[service] = uri;
            }
            else
            {
                Error = $"{Name}__{service}ServiceUri is not an absolute http(s) URL: '{value}'.";
                return;
            }
        }

        if (missing.Count > 0)
        {
            Error = $"The storage connection {Name} lacks {string.Join(", ", missing)}: the core uses the queue, table and blob " +
                $"services of the account the triggers listen on (or set {Name}__accountName for the public Azure cloud's endpoints).";
        }
    }

    [GeneratedRegex("(AccountKey|SharedAccessSignature|sig)=[^;&]+")]
    private static partial Regex SecretPart();
}
