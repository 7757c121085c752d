using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Lenkevakt.Content;
using Lenkevakt.Crawling;
using Lenkevakt.Pipeline;
using Lenkevakt.Reports;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Functions;

/// <summary>
/// The Functions app's composition, called by <c>Program.cs</c> and by the tests (which build the same service provider
/// without the host): the core's <c>AddLenkevakt</c>, storage from the triggers' connection setting, paths against the
/// content root, and the start checks.
/// </summary>
public static class LenkevaktFunctionsApp
{
    /// <summary>The connection setting the queue triggers listen on (<c>Connection = …</c>) and the core's clients use.</summary>
    public const string StorageConnectionName = "LenkevaktStorage";

    /// <summary>
    /// The builder, with the content root set to the app folder (where the build puts host.json and config/) whatever
    /// directory the Functions host starts the worker in. <paramref name="contentRoot"/>: another folder (tests).
    /// </summary>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args, string? contentRoot = null) =>
        FunctionsApplication.CreateBuilder(["--contentRoot", contentRoot ?? AppContext.BaseDirectory, .. args]);

    public static FunctionsApplicationBuilder AddLenkevaktFunctions(this FunctionsApplicationBuilder builder)
    {
        // ASP.NET Core integration: the HTTP triggers take HttpRequest and return IActionResult.
        builder.ConfigureFunctionsWebApplication();

        // No Application Insights SDK in the worker: the worker's ILogger output goes to the host over gRPC and the host
        // sends it, with its request telemetry, to Application Insights using the managed identity
        // (APPLICATIONINSIGHTS_AUTHENTICATION_STRING). The worker SDK would add a dependency record for every crawled page
        // and link check (hundreds of thousands a night) and its own key-or-token configuration. See functions/README.md.

        // Options, storage clients, stage handlers and HTTP clients: the same registrations the CLI worker uses.
        var services = builder.Services;
        services.AddLenkevakt(builder.Configuration);

        var root = builder.Environment.ContentRootPath;
        var hostJson = HostJson.Read(root);
        var connection = StorageConnection.Read(builder.Configuration, StorageConnectionName);
        services.AddSingleton(hostJson);
        services.AddSingleton(connection);

        // Storage: the core's clients come from the triggers' own connection setting (a connection string, or service
        // URIs and a credential), read as the Functions host reads it, through Microsoft.Extensions.Azure.
        services.AddAzureClients(clients =>
        {
            clients.AddQueueServiceClient(connection.For("queue")).ConfigureOptions(StorageClients.ConfigureQueueOptions);
            clients.AddTableServiceClient(connection.For("table")).ConfigureOptions(o => StorageClients.ConfigureRetry(o.Retry));
            clients.AddBlobServiceClient(connection.For("blob")).ConfigureOptions(o => StorageClients.ConfigureRetry(o.Retry));
        });
        services.Replace(ServiceDescriptor.Singleton(sp => new StorageClients(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<QueueServiceClient>(),
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<BlobServiceClient>(),
            connection.Describe())));

        // One source for the delivery count: host.json, which the host obeys.
        services.PostConfigure<QueueOptions>(o => o.MaxDequeueCount = hostJson.MaxDequeueCount);

        // Relative paths in the core's options resolve against the content root (the app folder), not the working directory.
        services.PostConfigure<SitesOptions>(o => o.Path = Path.GetFullPath(o.Path, root));
        services.PostConfigure<ReportOptions>(o => o.MunicipalitiesCsv = o.MunicipalitiesCsv is { Length: > 0 } csv ? Path.GetFullPath(csv, root) : o.MunicipalitiesCsv);
        services.PostConfigure<ContentOptions>(o => o.RulesFile = o.RulesFile is { Length: > 0 } file ? Path.GetFullPath(file, root) : o.RulesFile);
        services.PostConfigure<CrawlOptions>(o => o.TrustedCertificateFiles = o.TrustedCertificateFiles.Select(f => Path.GetFullPath(f, root)).ToList());

        // Checked at start with the core's options (ValidateOnStart): empty name prefix, one storage setting, host.json.
        services.AddSingleton<FunctionsStartupChecks>();
        services.AddSingleton<IValidateOptions<StorageOptions>>(sp => sp.GetRequiredService<FunctionsStartupChecks>());
        services.AddSingleton<IValidateOptions<QueueOptions>>(sp => sp.GetRequiredService<FunctionsStartupChecks>());
        return builder;
    }
}
