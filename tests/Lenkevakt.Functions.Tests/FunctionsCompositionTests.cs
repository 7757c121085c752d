using System.Reflection;
using System.Text.Json;
using Lenkevakt.Sites;
using Lenkevakt.Functions.Tests.Infrastructure;
using Lenkevakt.Pipeline;
using Lenkevakt.Reports;
using Lenkevakt.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Functions.Tests;

/// <summary>The app's service provider as Program.cs composes it, and the checks it makes when it starts.</summary>
[Trait("Category", "Integration")]
public sealed class FunctionsCompositionTests
{
    private static readonly Type[] FunctionClasses = typeof(LenkevaktFunctionsApp).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        .ToArray();

    [Fact]
    public void EveryFunctionClass_IsActivatedFromTheAppsServices_AsTheWorkerDoes()
    {
        using var host = FunctionsTestApp.Build(FunctionsTestApp.Settings("UseDevelopmentStorage=true"));
        using var scope = host.Services.CreateScope();
        var context = new TestFunctionContext(scope.ServiceProvider, "any");
        var activator = host.Services.GetRequiredService<IFunctionActivator>();

        Assert.Equal(7, FunctionClasses.Length);
        Assert.All(FunctionClasses, type => Assert.IsType(type, activator.CreateInstance(type, context)));
    }

    [Fact]
    public void TheLocalSettingsSample_PassesTheStartChecks_AndPathsResolveAgainstTheContentRoot()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsMetadataTests.RepoRoot(), "local.settings.sample.json")));
        var settings = sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        using var host = FunctionsTestApp.Build(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var root = host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(root));
        var sites = host.Services.GetRequiredService<IOptions<SitesOptions>>().Value.Path;
        Assert.Equal(Path.Combine(root, "config", "sites.json"), sites);
        Assert.True(File.Exists(sites), sites);
        Assert.Equal(Path.Combine(root, "config", "kommuner.csv"), host.Services.GetRequiredService<IOptions<ReportOptions>>().Value.MunicipalitiesCsv);
    }

    [Fact]
    public void MaxDequeueCount_ComesFromHostJson()
    {
        using var host = FunctionsTestApp.Build(FunctionsTestApp.Settings("UseDevelopmentStorage=true"));
        var hostJson = HostJson.Read(AppContext.BaseDirectory);

        Assert.True(hostJson.Exists);
        Assert.Equal(5, hostJson.MaxDequeueCount);
        Assert.Equal(hostJson.MaxDequeueCount, host.Services.GetRequiredService<IOptions<QueueOptions>>().Value.MaxDequeueCount);
    }

    [Theory]
    [InlineData("Lenkevakt:Storage:NamePrefix", "blue", "Lenkevakt:Storage:NamePrefix is 'blue', but under Azure Functions it must be empty")]
    [InlineData("Lenkevakt:Queues:MaxDequeueCount", "3", "Lenkevakt:Queues:MaxDequeueCount is 3, but host.json's extensions.queues.maxDequeueCount is 5")]
    [InlineData("Lenkevakt:Storage:ConnectionString", "UseDevelopmentStorage=true", "Lenkevakt__Storage__ConnectionString set, but under Azure Functions the core uses the queue triggers' connection LenkevaktStorage")]
    [InlineData("Lenkevakt:Storage:AccountName", "stlvprod", "Lenkevakt__Storage__AccountName set")]
    [InlineData("LenkevaktStorage", null, "The storage connection setting LenkevaktStorage is not set")]
    [InlineData("LenkevaktStorage:queueServiceUri", "https://stlv.queue.core.windows.net/", "lacks LenkevaktStorage__tableServiceUri, LenkevaktStorage__blobServiceUri")]
    public void StartChecks_RefuseASettingTheAppCannotRunWith_WithOneClearMessage(string key, string? value, string expected)
    {
        var settings = FunctionsTestApp.Settings("UseDevelopmentStorage=true");
        if (key.StartsWith("LenkevaktStorage", StringComparison.Ordinal))
        {
            settings.Remove(LenkevaktFunctionsApp.StorageConnectionName);
        }

        settings[key] = value;
        using var host = FunctionsTestApp.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdentityBasedConnection_PointsTheCoresClientsAtItsEndpoints_InAnyCloud()
    {
        var settings = FunctionsTestApp.Settings("unused");
        settings.Remove(LenkevaktFunctionsApp.StorageConnectionName);
        settings["LenkevaktStorage:queueServiceUri"] = "https://stlv.queue.core.chinacloudapi.cn/";
        settings["LenkevaktStorage:tableServiceUri"] = "https://stlv.table.core.chinacloudapi.cn/";
        settings["LenkevaktStorage:blobServiceUri"] = "https://stlv.blob.core.chinacloudapi.cn/";
        settings["LenkevaktStorage:credential"] = "managedidentity";
        settings["LenkevaktStorage:clientId"] = "00000000-0000-0000-0000-000000000001";
        using var host = FunctionsTestApp.Build(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var storage = host.Services.GetRequiredService<StorageClients>();

        Assert.Equal("https://stlv.queue.core.chinacloudapi.cn/crawl-site", storage.Queue(StorageNames.CrawlSite).Uri.AbsoluteUri);
        Assert.Equal("stlv.table.core.chinacloudapi.cn", storage.TableService.Uri.Host);
        Assert.Equal("stlv.blob.core.chinacloudapi.cn", storage.CrawlStateContainer.Uri.Host);
        Assert.Contains("credential managedidentity", storage.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void AccountNameConnection_UsesThePublicCloudEndpoints()
    {
        var settings = FunctionsTestApp.Settings("unused");
        settings.Remove(LenkevaktFunctionsApp.StorageConnectionName);
        settings["LenkevaktStorage:accountName"] = "stlvprod";
        using var host = FunctionsTestApp.Build(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var storage = host.Services.GetRequiredService<StorageClients>();

        Assert.Equal("stlvprod.queue.core.windows.net", storage.QueueService.Uri.Host);
        Assert.Equal("stlvprod.table.core.windows.net", storage.TableService.Uri.Host);
        Assert.Equal("stlvprod.blob.core.windows.net", storage.CrawlStateContainer.Uri.Host);
    }

    [Fact]
    public void ConnectionString_IsMaskedWhenDescribed()
    {
        const string key = "DefaultEndpointsProtocol=https;AccountName=stlv;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net";
        using var host = FunctionsTestApp.Build(FunctionsTestApp.Settings(key));

        var described = host.Services.GetRequiredService<StorageClients>().Describe();

        Assert.Equal("LenkevaktStorage = DefaultEndpointsProtocol=https;AccountName=stlv;AccountKey=***;EndpointSuffix=core.windows.net", described);
    }

    [Fact]
    public void TimerSchedule_ReadsTheHostsLastOccurrence_AsUtc()
    {
        Assert.Null(TimerSchedule.LastOccurrence(new TimerInfo()));
        Assert.Null(TimerSchedule.LastOccurrence(new TimerInfo { ScheduleStatus = new ScheduleStatus() }));
        var unspecified = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Unspecified) } };
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T23:00:00Z"), TimerSchedule.LastOccurrence(unspecified));
        var utc = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc) } };
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T23:00:00Z"), TimerSchedule.LastOccurrence(utc));
    }
}
