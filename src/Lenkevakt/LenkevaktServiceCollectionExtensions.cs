using Lenkevakt.Alerts;
using Lenkevakt.Checks;
using Lenkevakt.Content;
using Lenkevakt.Crawling;
using Lenkevakt.Dashboard;
using Lenkevakt.Findings;
using Lenkevakt.Html;
using Lenkevakt.Pipeline;
using Lenkevakt.Reports;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Lenkevakt;

/// <summary>The one composition call both hosts (CLI/worker and Azure Functions) make.</summary>
public static class LenkevaktServiceCollectionExtensions
{
    public static IServiceCollection AddLenkevakt(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CrawlOptions>().Bind(configuration.GetSection(CrawlOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QueueOptions>().Bind(configuration.GetSection(QueueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SitesOptions>().Bind(configuration.GetSection(SitesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrawlOptions>, CrawlOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueueOptions>, QueueOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISiteCatalog, FileSiteCatalog>();
        services.TryAddSingleton<ICrawlProgressSink, NullCrawlProgressSink>();

        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageProvisioner>();
        services.AddSingleton<QueueWakeups>();
        services.AddSingleton<QueuePublisher>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<FindingStore>();
        services.AddSingleton<DashboardStore>();
        services.AddSingleton<AlertLogStore>();

        services.AddContentChecks();
        services.AddCrawlerHttp();
        services.AddSingleton(sp => new HostGate(sp.GetRequiredService<IOptions<CrawlOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ParseGate(sp.GetRequiredService<IOptions<CrawlOptions>>().Value));
        services.AddSingleton(sp => new SiteAdmission(sp.GetRequiredService<IOptions<CrawlOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<LinkStatusStore>();
        services.AddSingleton<LinkChecker>();
        services.AddSingleton<RobotsCache>();
        services.AddSingleton<CrawlCheckpointStore>();
        services.TryAddSingleton<ILinkPriority, Content.Help.HelpLinkPriority>();
        services.AddSingleton<SiteCrawler>();

        services.AddSingleton<PlanRunHandler>();
        services.AddSingleton<CrawlSiteHandler>();
        services.AddSingleton<RecordFindingsHandler>();
        services.AddSingleton<CloseSiteRunHandler>();
        services.AddSingleton<SendAlertsHandler>();
        services.AddSingleton<IAlertsHandler>(sp => sp.GetRequiredService<SendAlertsHandler>());
        services.AddSingleton<QueueMessageProcessor>();
        services.AddSingleton<QueuePump>();
        services.AddSingleton<PoisonQueues>();
        services.AddSingleton<ForgetSiteHandler>();
        services.AddSingleton<LocalCycle>();
        services.AddSingleton<Reports.FindingExport>();
        services.AddSingleton(sp => new DisplayTimeZone(sp.GetRequiredService<IOptions<ScheduleOptions>>().Value.TimeZone));
        services.AddReports();

        // Webhooks: one timeout per attempt, no retry strategy here: SendAlertsHandler counts every attempt in the
        // AlertLog, so a digest gets a bounded number of attempts across retries, queue deliveries and workers.
        services.AddHttpClient(SendAlertsHandler.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("webhooks", (builder, context) =>
                builder.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<AlertOptions>>().Value.AttemptTimeout));
        return services;
    }
}
