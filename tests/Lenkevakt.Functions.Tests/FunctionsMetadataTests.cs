using System.Reflection;
using System.Text.Json;
using Lenkevakt.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Lenkevakt.Functions.Tests;

/// <summary>
/// The functions.metadata the Worker.Sdk generates at build time is what the Functions host indexes: trigger types,
/// queue names, schedule and connection settings. A renamed constant or a mistyped setting shows here, not in Azure.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Functions = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(MetadataPath()));
        return doc.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    });

    public static TheoryData<string, string> QueueFunctions => new()
    {
        { nameof(CrawlSite), StorageNames.CrawlSite },
        { nameof(RecordFindings), StorageNames.Findings },
        { nameof(CloseSiteRun), StorageNames.SiteCrawled },
        { nameof(SendAlerts), StorageNames.Alerts },
    };

    [Fact]
    public void Metadata_ListsExactlyTheFunctionClassesOfTheApp()
    {
        var declared = typeof(LenkevaktFunctionsApp).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order();

        Assert.Equal(declared, Functions.Value.Keys.Order());
        Assert.Equal(7, Functions.Value.Count);
    }

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public void QueueFunction_ListensOnTheCoresQueueName_ThroughTheLenkevaktStorageConnection(string function, string queue)
    {
        var trigger = Trigger(function);

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
        Assert.Equal(LenkevaktFunctionsApp.StorageConnectionName, trigger.GetProperty("connection").GetString());
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
        // Bound to QueueMessage (an SDK type): the host sends the message itself, body and dequeue count, not a string.
        Assert.Equal("True", trigger.GetProperty("properties").GetProperty("supportsDeferredBinding").GetString());
    }

    [Fact]
    public void PlanRun_IsATimer_OnTheFunctionsTickSetting_WithTheScheduleMonitor_AndNotOnStartup()
    {
        var trigger = Trigger(nameof(PlanRun));

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%Lenkevakt:Schedule:FunctionsTick%", trigger.GetProperty("schedule").GetString());
        // The monitor keeps ScheduleStatus (Last) in the host's storage: PlanRun needs it to catch up after a restart.
        Assert.True(trigger.GetProperty("useMonitor").GetBoolean());
        Assert.False(trigger.TryGetProperty("runOnStartup", out var onStartup) && onStartup.GetBoolean());
    }

    [Theory]
    [InlineData(nameof(CoverageReport), "report", "Function")]
    [InlineData(nameof(Dashboard), "dashboard", "Anonymous")]
    public void HttpFunction_HasItsRouteAndAuthorizationLevel(string function, string route, string authLevel)
    {
        var trigger = Trigger(function);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void TheSettingsTheMetadataNames_AreInTheLocalSettingsSample_AndTheBicep()
    {
        var root = RepoRoot();
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values");
        var bicep = File.ReadAllText(Path.Combine(root, "infra-bicep", "modules", "function.bicep"));
        var main = File.ReadAllText(Path.Combine(root, "infra-bicep", "main.bicep"));

        Assert.True(values.TryGetProperty("Lenkevakt__Schedule__FunctionsTick", out _));
        Assert.True(values.TryGetProperty(LenkevaktFunctionsApp.StorageConnectionName, out _));
        Assert.Contains("Lenkevakt__Schedule__FunctionsTick: '0 0 * * * *'", main, StringComparison.Ordinal);
        // The identity-based connection, written under LenkevaktStorage__ with every endpoint the core needs.
        Assert.Contains($"'{LenkevaktFunctionsApp.StorageConnectionName}__${{item.key}}'", bicep, StringComparison.Ordinal);
        foreach (var key in new[] { "credential: 'managedidentity'", "clientId:", "queueServiceUri:", "tableServiceUri:", "blobServiceUri:" })
        {
            Assert.Contains(key, bicep, StringComparison.Ordinal);
        }

        // Settings the app refuses under Functions (one source each: LenkevaktStorage, host.json).
        Assert.DoesNotContain("Lenkevakt__Storage__", bicep + main, StringComparison.Ordinal);
        Assert.DoesNotContain("Lenkevakt__Queues__MaxDequeueCount:", main, StringComparison.Ordinal);
    }

    private static JsonElement Trigger(string function) =>
        Functions.Value[function].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>The generated file, copied next to the tests with the app's build output (as host.json is).</summary>
    private static string MetadataPath() => Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lenkevakt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Lenkevakt.sln not found above " + AppContext.BaseDirectory);
    }
}
