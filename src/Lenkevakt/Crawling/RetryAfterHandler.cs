namespace Lenkevakt.Crawling;

/// <summary>
/// Innermost handler: when a host answers 429 or 503 with Retry-After, every request to that host (not only the one
/// being retried) waits, through <see cref="HostGate.BackOff"/>. A 429 without Retry-After still backs the host off
/// for a second, growing politeness instead of hammering.
/// </summary>
public sealed class RetryAfterHandler(HostGate gate, TimeProvider time, CrawlOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is 429 or 503 && request.RequestUri is { } uri)
        {
            var now = time.GetUtcNow();
            var retryAfter = response.Headers.RetryAfter;
            var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : (int)response.StatusCode == 429 ? TimeSpan.FromSeconds(1) : TimeSpan.Zero);
            if (wait > options.MaxRetryAfter)
            {
                wait = options.MaxRetryAfter;
            }

            if (wait > TimeSpan.Zero)
            {
                gate.BackOff(HostKey.Of(uri), now + wait);
            }
        }

        return response;
    }
}
