using Lenkevakt.Cli.Hosting;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Tests.Cli;

[Trait("Category", "Unit")]
public sealed class CliHostConfigurationTests
{
    [Fact]
    public void CliHost_WatchesNoSettingsFile()
    {
        // A file watcher on the working directory handles every write there (the local emulator keeps its data there).
        var builder = CliHost.CreateBuilder(new Dictionary<string, string?>(), LogLevel.Warning);

        var jsonSources = builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList();

        Assert.NotEmpty(jsonSources);
        Assert.All(jsonSources, s => Assert.False(s.ReloadOnChange, $"{s.Path} is watched for changes"));
    }
}
