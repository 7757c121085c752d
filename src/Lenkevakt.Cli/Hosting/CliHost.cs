using Lenkevakt.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Cli.Hosting;

/// <summary>Builds the CLI's host (configuration: appsettings.json, environment variables <c>Lenkevakt__…</c>, then command-line overrides).</summary>
public static class CliHost
{
    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> overrides, LogLevel minimumLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
            ApplicationName = "lenkevakt",
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddJsonFile("appsettings.json", optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        builder.Services.AddLenkevakt(builder.Configuration);
        return builder;
    }

    /// <summary>Starts Azurite when the storage is development storage and nothing answers there (and auto-start is on).</summary>
    public static async Task<AzuriteProcess?> EnsureStorageAsync(IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        var o = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!string.IsNullOrEmpty(o.AccountName) || !o.AutoStartAzurite)
        {
            return null;
        }

        return await AzuriteLauncher.EnsureRunningAsync(o.ConnectionString, o.AzuriteLocation, logger, ct).ConfigureAwait(false);
    }
}
