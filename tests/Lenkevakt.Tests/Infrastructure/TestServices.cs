using Lenkevakt.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Tests.Infrastructure;

/// <summary>The real service graph (<c>AddLenkevakt</c>) against the test Azurite, isolated by a unique name prefix.</summary>
public static class TestServices
{
    public static ServiceProvider Create(string connectionString, string? prefix = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Lenkevakt:Storage:ConnectionString"] = connectionString,
            ["Lenkevakt:Storage:NamePrefix"] = prefix ?? UniquePrefix(),
            ["Lenkevakt:Crawl:AllowPrivateNetworks"] = "true",
            ["Lenkevakt:Crawl:HostMinInterval"] = "00:00:00",
            ["Lenkevakt:Crawl:SiteStartInterval"] = "00:00:00",
            ["Lenkevakt:Crawl:RetryBaseDelay"] = "00:00:00.050",
            ["Lenkevakt:Crawl:AttemptTimeout"] = "00:00:05",
            ["Lenkevakt:Crawl:TransientRecheckDelay"] = "00:00:00.050",
            ["Lenkevakt:Queues:MaxPollInterval"] = "00:00:00.500",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddLenkevakt(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The repository root (where <c>config/</c> and <c>samples/</c> are).</summary>
    public static string RepoRoot() => Path.GetFullPath(Path.Combine(SamplesRoot(), "..", ".."));

    public static string SamplesRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "demo");
            if (File.Exists(Path.Combine(candidate, "sites.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/demo not found above " + AppContext.BaseDirectory);
    }
}
