using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Content;
using Lenkevakt.Content.Persistence;
using Lenkevakt.Findings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class ContentServiceCollectionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddContentChecks();
        services.AddContentChecks(); // twice: no duplicates
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Registers_Analyzer_Options_And_Export()
    {
        using var sp = Build(new() { ["Lenkevakt:Content:LixThreshold"] = "45", ["Lenkevakt:Content:HelpPageBudget"] = "80" });
        var analyzers = sp.GetServices<ISiteAnalyzer>().ToList();
        Assert.Single(analyzers.OfType<ContentAnalyzer>());
        var o = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
        Assert.Equal((45.0, 80), (o.LixThreshold, o.HelpPageBudget));
        Assert.NotNull(sp.GetRequiredService<ContentExport>());
        Assert.IsType<StorageContentResultStore>(sp.GetRequiredService<IContentResultStore>());
        Assert.NotNull(FindingKind.Find("required-missing"));
        Assert.NotNull(FindingKind.Find("hreflang-not-reciprocal"));
    }

    [Fact]
    public void Invalid_Options_Are_Rejected()
    {
        using var sp = Build(new() { ["Lenkevakt:Content:LixThreshold"] = "5" });
        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<ContentOptions>>().Value);
    }

    [Fact]
    public void A_Rules_File_Option_Replaces_The_Embedded_Rules()
    {
        using var sp = Build(new() { ["Lenkevakt:Content:RulesFile"] = "/nonexistent/rules.json" });
        var ex = Assert.Throws<Lenkevakt.Content.Rules.RuleSetException>(() => sp.GetRequiredService<PageContentEvaluator>());
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }
}
