using Lenkevakt.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Functions.Tests.Infrastructure;

/// <summary>
/// The Functions app as Program.cs composes it (<see cref="LenkevaktFunctionsApp"/>), built but not started: there is no
/// Functions host here, so the tests resolve and invoke the functions themselves. Content root: the test's output
/// folder, where the build copies the app's host.json.
/// </summary>
public static class FunctionsTestApp
{
    public static IHost Build(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = LenkevaktFunctionsApp.CreateBuilder([], AppContext.BaseDirectory);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddLenkevaktFunctions();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Settings for a run against the test Azurite and loopback sites.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        [LenkevaktFunctionsApp.StorageConnectionName] = connectionString,
        ["Lenkevakt:Schedule:FunctionsTick"] = "0 0 * * * *",
        ["Lenkevakt:Crawl:AllowPrivateNetworks"] = "true",
        ["Lenkevakt:Crawl:HostMinInterval"] = "00:00:00",
        ["Lenkevakt:Crawl:RetryBaseDelay"] = "00:00:00.050",
        ["Lenkevakt:Crawl:AttemptTimeout"] = "00:00:05",
        ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true",
    };

    /// <summary>An instance of a function class, made the way the worker makes it for an invocation.</summary>
    public static T Activate<T>(IHost host, FunctionContext context) where T : class =>
        (T)host.Services.GetRequiredService<IFunctionActivator>().CreateInstance(typeof(T), context)!;

    /// <summary>Empties every queue and poison queue: the app uses the unprefixed names, shared by the tests of this assembly.</summary>
    public static async Task ResetQueuesAsync(IHost host)
    {
        var storage = host.Services.GetRequiredService<StorageClients>();
        await host.Services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        foreach (var queue in storage.Names.AllQueues)
        {
            await storage.QueueService.GetQueueClient(queue).ClearMessagesAsync();
        }
    }
}
