using Lenkevakt.Checks;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Persistence;
using Lenkevakt.Content.Rules;
using Lenkevakt.Crawling;
using Lenkevakt.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Content;

/// <summary>DI registration of the content checks.</summary>
public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the content checks: <see cref="ContentOptions"/> bound from <c>Lenkevakt:Content</c> (validated at start),
    /// the rule set (embedded, or <see cref="ContentOptions.RulesFile"/>), the language detector, the page evaluator,
    /// <see cref="ContentAnalyzer"/> as an <see cref="ISiteAnalyzer"/>, the table store and <see cref="ContentExport"/>.
    /// Needs <see cref="StorageClients"/> (registered here with TryAdd if the host has not) and a <see cref="TimeProvider"/> (TryAdd system).
    /// </summary>
    public static IServiceCollection AddContentChecks(this IServiceCollection services)
    {
        _ = ContentFindingKinds.All;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            return string.IsNullOrWhiteSpace(o.RulesFile) ? RuleSetLoader.LoadEmbedded() : RuleSetLoader.LoadFile(o.RulesFile);
        });
        services.TryAddSingleton(sp => new RuleEngine(sp.GetRequiredService<RuleSet>()));
        services.TryAddSingleton(_ => LanguageDetector.Default);
        services.TryAddSingleton(sp => new PageContentEvaluator(sp.GetRequiredService<RuleEngine>(), sp.GetRequiredService<LanguageDetector>(), sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.AddOptions<StorageOptions>();
        services.TryAddSingleton<StorageClients>();
        services.TryAddSingleton<IContentResultStore, StorageContentResultStore>();
        services.TryAddSingleton<ContentExport>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiteAnalyzer, ContentAnalyzer>());
        return services;
    }
}
