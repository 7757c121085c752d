using System.Net;
using System.Text;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Alerts;

/// <summary>
/// Stage 5: delivers one digest per subscription of the site. The <c>AlertLog</c> makes it idempotent (a digest
/// already delivered for this run and subscription is not sent again, even when the message is processed twice);
/// a subscription with nothing to report after its filters gets nothing. Delivery goes through the resilient
/// <c>webhooks</c> client; a delivery that still fails throws after every subscription was tried, so the message is
/// retried (delivered subscriptions are skipped) and finally lands in <c>alerts-poison</c> with its errors. Every HTTP
/// attempt is counted in the AlertLog first, so one digest gets at most <see cref="AlertOptions.MaxAttemptsPerDigest"/>
/// attempts in all (a receiver that answers after the attempt timeout is not sent the digest once per retry per queue
/// delivery), and all of them carry the same <c>X-Lenkevakt-Delivery</c> id for the receiver to de-duplicate. A subscription
/// that cannot work as configured (not https, no signing secret, unknown format) does not stop the others; when only
/// such problems remain the message goes to <c>alerts-poison</c> at once, since retrying cannot help.
/// </summary>
public sealed class SendAlertsHandler(
    IHttpClientFactory http,
    AlertLogStore log,
    IConfiguration configuration,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<SendAlertsHandler> logger) : IAlertsHandler
{
    public const string HttpClientName = "webhooks";

    public async Task HandleAsync(AlertsMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var transient = new List<string>();
        var permanent = new List<string>();
        var exhausted = new List<string>();
        foreach (var sub in message.Site.Subscriptions)
        {
            if (await log.WasDeliveredAsync(message.SiteId, message.RunId, sub.Id, ct).ConfigureAwait(false))
            {
                continue;
            }

            var digest = DigestBuilder.Filter(message, sub);
            if (digest.IsEmpty)
            {
                await log.RecordAsync(message.SiteId, message.RunId, sub.Id, "nothing", null, 0, ct).ConfigureAwait(false);
                continue;
            }

            // A subscription that cannot work as configured must not keep the others from being delivered.
            if (Misconfiguration(sub, o) is { } problem)
            {
                permanent.Add($"{sub.Id}: {problem}");
                continue;
            }

            switch (await DeliverAsync(message, sub, digest, o, ct).ConfigureAwait(false))
            {
                case (DeliveryResult.Retry, var failure):
                    transient.Add($"{sub.Id}: {failure}");
                    break;
                case (DeliveryResult.GaveUp, var failure):
                    exhausted.Add($"{sub.Id}: {failure}");
                    break;
            }
        }

        if (transient.Count > 0)
        {
            // Retried from the queue (delivered subscriptions are skipped then); the last delivery poisons it with every error.
            throw new WebhookDeliveryException($"Digest delivery failed for {message.SiteId} in {message.RunId}: {string.Join("; ", transient.Concat(exhausted).Concat(permanent))}");
        }

        if (exhausted.Count > 0)
        {
            throw new PoisonMessageException($"Digest for {message.SiteId} in {message.RunId} given up after {o.MaxAttemptsPerDigest} attempts: {string.Join("; ", exhausted.Concat(permanent))}");
        }

        if (permanent.Count > 0)
        {
            throw new PoisonMessageException($"Digest for {message.SiteId} in {message.RunId} cannot be delivered as configured: {string.Join("; ", permanent)}");
        }
    }

    private enum DeliveryResult
    {
        Delivered,
        Retry,
        GaveUp,
    }

    /// <summary>
    /// Sends one digest with up to <see cref="AlertOptions.MaxRetries"/> retries (exponential backoff), each attempt
    /// counted in the AlertLog before it is made, and no more than <see cref="AlertOptions.MaxAttemptsPerDigest"/> in all.
    /// </summary>
    private async Task<(DeliveryResult Result, string? Failure)> DeliverAsync(AlertsMessage message, AlertSubscription sub, DigestBuilder.Digest digest, AlertOptions o, CancellationToken ct)
    {
        var fullList = o.DashboardUrl is { Length: > 0 } baseUrl ? $"{baseUrl.TrimEnd('/')}/site/{Uri.EscapeDataString(message.SiteId)}" : null;
        var body = DigestBuilder.Build(sub.Format, message.Site, message.RunId, digest, o.MaxItemsPerDigest, fullList);
        string? failure = null;
        for (var retry = 0; retry <= o.MaxRetries; retry++)
        {
            if (retry > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, retry - 1))), time, ct).ConfigureAwait(false);
            }

            var attempt = await log.BeginAttemptAsync(message.SiteId, message.RunId, sub.Id, ct).ConfigureAwait(false);
            if (attempt is null)
            {
                return (DeliveryResult.Delivered, null); // Delivered by another worker meanwhile.
            }

            if (attempt > o.MaxAttemptsPerDigest)
            {
                failure = $"{failure ?? "earlier attempts failed"} (after {o.MaxAttemptsPerDigest} attempts)";
                await log.RecordAsync(message.SiteId, message.RunId, sub.Id, "failed", null, 0, ct, failure).ConfigureAwait(false);
                logger.LogError("Gave up the digest for {Site} to {Subscription} after {Attempts} attempts: {Error}", message.SiteId, sub.Id, o.MaxAttemptsPerDigest, failure);
                return (DeliveryResult.GaveUp, failure);
            }

            failure = await SendOnceAsync(message, sub, digest, body, ct).ConfigureAwait(false);
            if (failure is null)
            {
                return (DeliveryResult.Delivered, null);
            }

            logger.LogWarning("Digest for {Site} to {Subscription}: attempt {Attempt} of {Max} failed: {Error}", message.SiteId, sub.Id, attempt, o.MaxAttemptsPerDigest, failure);
        }

        return (DeliveryResult.Retry, failure);
    }

    /// <summary>One HTTP attempt; null when the receiver accepted it, else why not.</summary>
    private async Task<string?> SendOnceAsync(AlertsMessage message, AlertSubscription sub, DigestBuilder.Digest digest, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, sub.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (sub.Format == "json")
        {
            var ts = time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSigner.TimestampHeader, ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(Secret(sub)!, ts, body));
        }

        request.Headers.Add("X-Lenkevakt-Delivery", $"{message.RunId}:{message.SiteId}:{sub.Id}");
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return $"HTTP {(int)response.StatusCode} from {sub.WebhookUrl.Host}";
            }

            await log.RecordAsync(message.SiteId, message.RunId, sub.Id, "delivered", (int)response.StatusCode, digest.New.Count + digest.Resolved.Count, ct).ConfigureAwait(false);
            logger.LogInformation("Delivered digest for {Site} to {Subscription} ({Summary})", message.SiteId, sub.Id, DigestBuilder.Summary(digest));
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            return ex.Message;
        }
    }

    /// <summary>Why the subscription cannot be delivered however often it is retried, or null.</summary>
    private string? Misconfiguration(AlertSubscription sub, AlertOptions o)
    {
        if (sub.Format is not ("json" or "teams" or "slack"))
        {
            return $"unknown format '{sub.Format}' (json, teams or slack)";
        }

        if (UrlProblem(sub.WebhookUrl, o) is { } url)
        {
            return url;
        }

        return sub.Format == "json" && Secret(sub) is null
            ? $"the json format needs a signing secret in configuration key '{SecretKey(sub)}' (in Azure: a Key Vault reference)"
            : null;
    }

    private string? Secret(AlertSubscription sub) => configuration[SecretKey(sub)] is { Length: > 0 } secret ? secret : null;

    private static string SecretKey(AlertSubscription sub) => sub.SecretSetting ?? $"Lenkevakt:Alerts:Secrets:{sub.Id}";

    private static string? UrlProblem(Uri url, AlertOptions o)
    {
        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && o.AllowLoopbackWebhooks && (url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return null;
        }

        return $"webhook URL {url.GetLeftPart(UriPartial.Authority)} is not https (plain http is allowed only on loopback with Lenkevakt:Alerts:AllowLoopbackWebhooks)";
    }
}

/// <summary>A webhook receiver did not accept a digest after the retries.</summary>
public sealed class WebhookDeliveryException(string message) : Exception(message);
