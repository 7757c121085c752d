using Lenkevakt.Cli.Hosting;
using Lenkevakt.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lenkevakt.Tests.Infrastructure;

/// <summary>One real Azurite (the npm emulator, in-memory, on free loopback ports) shared by the storage tests.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite not started");

    public AzuriteProcess Process => azurite!;

    public async Task InitializeAsync()
    {
        var location = Path.Combine(Path.GetTempPath(), "lenkevakt-tests", "azurite-" + Guid.NewGuid().ToString("N")[..8]);
        azurite = await AzuriteLauncher.StartAsync(0, 0, 0, location, inMemory: true, NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
