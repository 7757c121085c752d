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
/// <c>webhooks</c> client; a delivery that still fails throws, so the message is retried and finally lands in
/// <c>alerts-poison</c> with its error.
/// </summary>
public sealed class SendAlertsHandler(
    IHttpClientFactory http,
    AlertLogStore log,
    IConfiguration configuration,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<SendAlertsHandler> logger)
{
    public const string HttpClientName = "webhooks";

    public async Task HandleAsync(AlertsMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var failures = new List<string>();
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

            ValidateUrl(sub.WebhookUrl, o);
            var fullList = o.DashboardUrl is { Length: > 0 } baseUrl ? $"{baseUrl.TrimEnd('/')}/site/{Uri.EscapeDataString(message.SiteId)}" : null;
            var body = DigestBuilder.Build(sub.Format, message.Site, message.RunId, digest, o.MaxItemsPerDigest, fullList);
            using var request = new HttpRequestMessage(HttpMethod.Post, sub.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (sub.Format == "json")
            {
                var secret = Secret(sub);
                var ts = time.GetUtcNow().ToUnixTimeSeconds();
                request.Headers.Add(WebhookSigner.TimestampHeader, ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(secret, ts, body));
            }

            request.Headers.Add("X-Lenkevakt-Delivery", $"{message.RunId}:{message.SiteId}:{sub.Id}");
            HttpResponseMessage? response = null;
            try
            {
                response = await http.CreateClient(HttpClientName).SendAsync(request, ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    await log.RecordAsync(message.SiteId, message.RunId, sub.Id, "delivered", (int)response.StatusCode, digest.New.Count + digest.Resolved.Count, ct).ConfigureAwait(false);
                    logger.LogInformation("Delivered digest for {Site} to {Subscription} ({Summary})", message.SiteId, sub.Id, DigestBuilder.Summary(digest));
                    continue;
                }

                failures.Add($"{sub.Id}: HTTP {(int)response.StatusCode} from {sub.WebhookUrl.Host}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
            {
                failures.Add($"{sub.Id}: {ex.Message}");
            }
            finally
            {
                response?.Dispose();
            }
        }

        if (failures.Count > 0)
        {
            throw new WebhookDeliveryException($"Digest delivery failed for {message.SiteId} in {message.RunId}: {string.Join("; ", failures)}");
        }
    }

    private string Secret(AlertSubscription sub)
    {
        var key = sub.SecretSetting ?? $"Lenkevakt:Alerts:Secrets:{sub.Id}";
        var secret = configuration[key];
        return string.IsNullOrEmpty(secret)
            ? throw new InvalidOperationException($"Subscription '{sub.Id}' (json) needs a signing secret in configuration key '{key}' (in Azure: a Key Vault reference).")
            : secret;
    }

    private static void ValidateUrl(Uri url, AlertOptions o)
    {
        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return;
        }

        if (url.Scheme == Uri.UriSchemeHttp && o.AllowLoopbackWebhooks && (url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return;
        }

        throw new PoisonMessageException($"Webhook URL {url.GetLeftPart(UriPartial.Authority)} is not https (plain http is allowed only on loopback with Lenkevakt:Alerts:AllowLoopbackWebhooks).");
    }
}

/// <summary>A webhook receiver did not accept a digest after the retries.</summary>
public sealed class WebhookDeliveryException(string message) : Exception(message);
