using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// Confirms a transient failure before it is reported: a timeout, a connection error (refused, reset, bad HTTP, host
/// down), a 5xx or a 429 is checked again after a back-off (<see cref="CrawlOptions.TransientRecheckDelay"/>, doubled each
/// time, waited through <see cref="TimeProvider"/>), up to <see cref="CrawlOptions.TransientRechecks"/> times. Only a
/// failure that survives every re-check becomes a finding; the first answer that is not transient is the verdict.
/// Used for link and resource checks (after the host's other work, in phase 2), page fetches and robots.txt.
/// </summary>
public sealed class TransientRecheck(TimeProvider time, int rechecks, TimeSpan delay)
{
    public static TransientRecheck From(CrawlOptions o, TimeProvider time) => new(time, o.TransientRechecks, o.TransientRecheckDelay);

    /// <summary>Whether <paramref name="status"/> may heal within minutes: such a failure is re-checked before it is reported.</summary>
    public static bool IsTransient(LinkStatus status) => status.State switch
    {
        LinkState.Timeout or LinkState.RateLimited => true,
        LinkState.Error => status.Error is LinkErrorKind.ConnectionRefused or LinkErrorKind.ConnectionReset or LinkErrorKind.Protocol or LinkErrorKind.HostDown or LinkErrorKind.Other,
        LinkState.Broken => status.StatusCode is >= 500,
        _ => false,
    };

    /// <summary>The wait before re-check number <paramref name="attempt"/> (0-based).</summary>
    public TimeSpan Backoff(int attempt) => delay * (1 << Math.Min(attempt, 10));

    /// <summary>
    /// <paramref name="first"/> when it is not transient; otherwise <paramref name="again"/> after each back-off until
    /// an answer is not transient or the re-checks are used up (then the last answer).
    /// </summary>
    public async Task<T> ConfirmAsync<T>(T first, Func<T, LinkStatus> statusOf, Func<CancellationToken, Task<T>> again, CancellationToken ct)
    {
        var result = first;
        for (var attempt = 0; attempt < rechecks && IsTransient(statusOf(result)); attempt++)
        {
            await Task.Delay(Backoff(attempt), time, ct).ConfigureAwait(false);
            var next = await again(ct).ConfigureAwait(false);

            // An open circuit ("host down") says nothing new about a failure seen before: keep the more telling answer.
            result = statusOf(next) is { State: LinkState.Error, Error: LinkErrorKind.HostDown } && statusOf(result).Error != LinkErrorKind.HostDown ? result : next;
        }

        return result;
    }

    /// <summary><see cref="ConfirmAsync{T}"/> for a plain status.</summary>
    public Task<LinkStatus> ConfirmAsync(LinkStatus first, Func<CancellationToken, Task<LinkStatus>> again, CancellationToken ct) =>
        ConfirmAsync(first, s => s, again, ct);
}
