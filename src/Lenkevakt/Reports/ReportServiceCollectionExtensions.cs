using Lenkevakt.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Reports;

/// <summary>DI registration of the people-facing outputs: the coverage report and the dashboard page.</summary>
public static class ReportServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReportOptions"/> (from <c>Lenkevakt:Reports</c>), <see cref="CoverageModelBuilder"/>,
    /// <see cref="ReportSnapshotStore"/>, <see cref="CoverageReportHandler"/> and <see cref="DashboardPageHandler"/>.
    /// Needs the stores, the rule set, the sites catalogue and the <see cref="Html.DisplayTimeZone"/> that <c>AddLenkevakt</c> registers.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CoverageModelBuilder>();
        services.AddSingleton<ReportSnapshotStore>();
        services.AddSingleton<CoverageReportHandler>();
        services.AddSingleton<DashboardPageHandler>();
        return services;
    }
}
