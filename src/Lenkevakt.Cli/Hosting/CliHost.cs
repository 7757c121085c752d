using Lenkevakt.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Cli.Hosting;

/// <summary>Builds the CLI's host (configuration: appsettings.json, environment variables <c>Lenkevakt__…</c>, then command-line overrides).</summary>
public static class CliHost
{
    /// <summary>The host's switch for watching the default appsettings files (off here).</summary>
    public const string ReloadOnChangeKey = "hostBuilder:reloadConfigOnChange";

    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> overrides, LogLevel minimumLevel)
    {
        // No file watching: the defaults watch the content root (the working directory, where the local emulator keeps
        // its data) for appsettings changes, so every storage write there woke a watcher. Settings are read once per
        // command; a changed file takes effect at the next start. (A/B at 60 sites: no measurable change in wall or CPU.)
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [ReloadOnChangeKey] = "false" });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
            ApplicationName = "lenkevakt",
            Configuration = configuration,
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

    /// <summary>The storage settings the host will see (same sources and order as <see cref="CreateBuilder"/>), read before it is built.</summary>
    public static StorageOptions StorageSettings(IReadOnlyDictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        return configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
    }

    /// <summary>
    /// Builds the host and validates every options class now (the <c>ValidateOnStart</c> ones), so a bad setting stops
    /// the command before it touches storage, also for commands that never start the host (export, report, poison).
    /// Throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>: exit code 2.
    /// </summary>
    public static IHost Build(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        try
        {
            host.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>True when standard output is an interactive terminal (rich tables and live progress); false for files, pipes and CI logs.</summary>
    public static bool IsTerminal => !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive;

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
