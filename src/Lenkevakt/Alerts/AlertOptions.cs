using System.ComponentModel.DataAnnotations;

namespace Lenkevakt.Alerts;

/// <summary>Webhook delivery. Bound from <c>Lenkevakt:Alerts</c>.</summary>
public sealed class AlertOptions
{
    public const string Section = "Lenkevakt:Alerts";

    /// <summary>Allow plain-http webhook URLs on loopback (local testing only). Default false: https only.</summary>
    public bool AllowLoopbackWebhooks { get; set; }

    /// <summary>Base URL of the dashboard, for the "see the full list" link in digests (absolute http(s)). Optional.</summary>
    public string? DashboardUrl { get; set; }

    /// <summary>Retries of a failing delivery (5xx, 429, timeouts) within one processing of the message, before it is retried from the queue. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Attempts to deliver one digest to one subscription, in all (counted in the AlertLog across queue deliveries and
    /// workers). Then the digest is given up: logged as failed and the message moved to <c>alerts-poison</c>. Default 6.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttemptsPerDigest { get; set; } = 6;

    /// <summary>How long one delivery attempt waits for the receiver's answer. Default 15 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Items shown per list in one digest. Default 20.</summary>
    [Range(1, 1000)]
    public int MaxItemsPerDigest { get; set; } = 20;
}
