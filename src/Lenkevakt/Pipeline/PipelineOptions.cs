using System.ComponentModel.DataAnnotations;

namespace Lenkevakt.Pipeline;

/// <summary>Queue processing. Bound from <c>Lenkevakt:Queues</c>. Azure Functions' host.json must use the same MaxDequeueCount.</summary>
public sealed class QueueOptions
{
    public const string Section = "Lenkevakt:Queues";

    /// <summary>Deliveries of a failing message before it goes to its <c>-poison</c> queue with the error. Default 5.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a received message stays invisible; renewed while a handler still works on it. Default 2 minutes.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait between polls of an empty queue (the local worker). Default 5 s.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages handled at once per queue for the short stages (findings, site-crawled, alerts). Default 8.</summary>
    [Range(1, 64)]
    public int StageConcurrency { get; set; } = 8;

    /// <summary>How long a site crawl holds its lease before another worker may take the site over. Default 5 minutes (renewed while crawling).</summary>
    public TimeSpan CrawlLease { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>The nightly schedule. Bound from <c>Lenkevakt:Schedule</c>.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Lenkevakt:Schedule";

    /// <summary>Five-field cron expression in <see cref="TimeZone"/>. Default <c>0 2 * * *</c> (02:00 every night).</summary>
    [Required]
    public string Cron { get; set; } = "0 2 * * *";

    /// <summary>IANA time zone the cron is read in (daylight saving handled). Default <c>Europe/Oslo</c>.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Oslo";

    /// <summary>How often the Functions timer ticks (it runs in UTC and the handler applies <see cref="TimeZone"/>). Default 1 hour.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far back a starting CLI worker looks for a scheduled occurrence it missed (it was down at 02:00): the latest
    /// occurrence in that window is planned once when the worker starts (planning is idempotent per occurrence, so a run
    /// that was already planned is not planned again). Default 20 hours; zero turns catching up off.
    /// </summary>
    public TimeSpan MissedRunWindow { get; set; } = TimeSpan.FromHours(20);
}
