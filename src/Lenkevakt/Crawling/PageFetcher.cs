using System.Net;
using System.Net.Http.Headers;
using Lenkevakt.Checks;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Lenkevakt.Crawling;

/// <summary>
/// Fetches one URL through the resilient named HTTP clients, following redirects itself (to record every hop and
/// catch loops), honouring per-host politeness via <see cref="HostGate"/>, and mapping every outcome to a
/// <see cref="LinkStatus"/>. Pages are read up to the size cap; link checks use HEAD and fall back to GET when HEAD is refused.
/// Every hop has one deadline for the whole response, headers and body (<see cref="CrawlOptions.ResponseTimeout"/>), so a
/// server that trickles its body cannot hold a worker; a <c>Location</c> that is not a valid http(s) URL is a finding
/// (<see cref="LinkState.RedirectInvalid"/>), never an exception.
/// </summary>
public sealed class PageFetcher(IHttpClientFactory clients, HostGate gate, IOptions<CrawlOptions> options, TimeProvider time)
{
    private static readonly HashSet<int> HeadRefused = [400, 403, 404, 405, 501];
    private readonly CrawlOptions o = options.Value;
    private readonly StatusCodeSet accepted = StatusCodeSet.Parse(options.Value.AcceptedStatusCodes);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LinkStatus> lastFailure = new(StringComparer.Ordinal);

    /// <summary>GET a page and read its HTML body.</summary>
    /// <param name="known">The crawl's own knowledge: when a redirect leads to a URL it has already fetched, that status is used instead of fetching again.</param>
    /// <param name="validators">ETag / Last-Modified from the last run: sent as If-None-Match / If-Modified-Since; a 304 comes back as <see cref="FetchResult.NotModified"/>.</param>
    public Task<FetchResult> GetPageAsync(Uri uri, AddressPolicy policy, CancellationToken ct, Func<string, LinkStatus?>? known = null, (string? ETag, DateTimeOffset? LastModified)? validators = null) =>
        FetchAsync(uri, policy, BodyMode.Html, ct, known: known, validators: validators);

    /// <summary>GET a small text resource (robots.txt, sitemap.xml) whatever its media type.</summary>
    public Task<FetchResult> GetTextAsync(Uri uri, AddressPolicy policy, CancellationToken ct) => FetchAsync(uri, policy, BodyMode.Any, ct);

    private enum BodyMode
    {
        None,
        Html,
        Any,
    }

    /// <summary>Check a link target: HEAD first, GET (headers only) when HEAD is refused.</summary>
    public async Task<FetchResult> CheckAsync(Uri uri, AddressPolicy policy, CancellationToken ct)
    {
        var head = await FetchAsync(uri, policy, BodyMode.None, ct, HttpMethod.Head).ConfigureAwait(false);
        if (head.Status.StatusCode is { } code && HeadRefused.Contains(code))
        {
            return await FetchAsync(uri, policy, BodyMode.None, ct).ConfigureAwait(false);
        }

        return head;
    }

    private async Task<FetchResult> FetchAsync(
        Uri uri, AddressPolicy policy, BodyMode mode, CancellationToken ct, HttpMethod? method = null, Func<string, LinkStatus?>? known = null, (string? ETag, DateTimeOffset? LastModified)? validators = null)
    {
        method ??= HttpMethod.Get;
        var client = clients.CreateClient(policy.ClientName);
        var chain = new List<RedirectHop>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { uri.AbsoluteUri };
        var current = uri;
        for (var hop = 0; ; hop++)
        {
            if (policy.CheckLiteral(current) is { } blocked)
            {
                return new FetchResult { Status = LinkStatus.Blocked(blocked) with { Chain = chain.ToArray() }, FinalUri = current };
            }

            HttpResponseMessage response;
            ResponseDeadline? deadline = null;
            try
            {
                using var slot = await gate.EnterAsync(current, ct).ConfigureAwait(false);
                deadline = new ResponseDeadline(o.ResponseTimeout, time, ct);
                using var request = new HttpRequestMessage(method, current);
                request.Options.Set(AddressPolicy.RequestOption, policy);
                request.Headers.UserAgent.ParseAdd(o.UserAgent);
                request.Headers.Accept.ParseAdd(mode == BodyMode.Html ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" : "*/*");
                if (hop == 0 && validators is { } v)
                {
                    if (v.ETag is { Length: > 0 } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                    {
                        request.Headers.IfNoneMatch.Add(tag);
                    }

                    if (v.LastModified is { } since)
                    {
                        request.Headers.IfModifiedSince = since;
                    }
                }

                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException or IOException or Polly.CircuitBreaker.BrokenCircuitException)
            {
                var failed = deadline?.Expired == true ? deadline.Status() : MapException(ex);
                failed = RememberOrRecall(current, failed);
                deadline?.Dispose();
                return new FetchResult { Status = failed with { Chain = chain.ToArray() }, FinalUri = current };
            }

            using (deadline)
            using (response)
            {
                var code = (int)response.StatusCode;
                if (code is 301 or 302 or 303 or 307 or 308 && RedirectLocation(response) is { } location)
                {
                    chain.Add(new RedirectHop(current.AbsoluteUri, code));
                    if (!Uri.TryCreate(current, location.Trim(), out var next) || !next.IsAbsoluteUri)
                    {
                        return new FetchResult { Status = LinkStatus.RedirectInvalid($"ugyldig adresse i Location: «{Shorten(location)}»") with { Chain = chain.ToArray(), StatusCode = code }, FinalUri = current };
                    }

                    if (!seen.Add(next.AbsoluteUri) || hop + 1 >= o.MaxRedirects)
                    {
                        var loop = seen.Contains(next.AbsoluteUri) ? "redirect loop" : $"more than {o.MaxRedirects} redirects";
                        return new FetchResult
                        {
                            Status = new LinkStatus { State = LinkState.RedirectLoop, StatusCode = code, Chain = chain.ToArray(), FinalUrl = next.AbsoluteUri, Detail = loop },
                            FinalUri = next,
                        };
                    }

                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return new FetchResult { Status = LinkStatus.RedirectInvalid($"sender videre til en {next.Scheme}:-adresse ({Shorten(location)})") with { Chain = chain.ToArray(), StatusCode = code }, FinalUri = current };
                    }

                    if (known?.Invoke(Checks.LinkTarget.WithoutFragment(next)) is { } knownStatus && knownStatus.State is LinkState.Ok or LinkState.Broken or LinkState.Soft404)
                    {
                        var knownState = knownStatus.State == LinkState.Ok ? LinkState.Redirected : knownStatus.State;
                        return new FetchResult { Status = knownStatus with { State = knownState, Chain = chain.ToArray(), FinalUrl = next.AbsoluteUri }, FinalUri = next };
                    }

                    if (code == 303)
                    {
                        method = method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get;
                    }

                    current = next;
                    continue;
                }

                if (code == 304 && hop == 0 && validators is not null)
                {
                    return new FetchResult { Status = LinkStatus.Ok(200, current.AbsoluteUri) with { Detail = "not modified since the last run" }, FinalUri = current, NotModified = true, MediaType = "text/html" };
                }

                var ok = accepted.Contains(code);
                var state = ok ? (chain.Count > 0 ? LinkState.Redirected : LinkState.Ok)
                    : code == 429 ? LinkState.RateLimited
                    : code is >= 300 and < 400 ? LinkState.RedirectWithoutTarget // no usable Location, or a 304 we did not ask for
                    : LinkState.Broken;
                var status = new LinkStatus
                {
                    State = state,
                    StatusCode = code,
                    Chain = chain.ToArray(),
                    FinalUrl = current.AbsoluteUri,
                };
                var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
                if (mode == BodyMode.None || !ok || (mode == BodyMode.Html && mediaType is not null && mediaType is not ("text/html" or "application/xhtml+xml")))
                {
                    return new FetchResult { Status = status, FinalUri = current, MediaType = mediaType };
                }

                try
                {
                    var (body, truncated) = await ReadCappedAsync(response.Content, mode == BodyMode.Html ? o.MaxPageBytes : 1024 * 1024, deadline.Token).ConfigureAwait(false);
                    return new FetchResult
                    {
                        Status = status,
                        FinalUri = current,
                        Body = body,
                        Truncated = truncated,
                        MediaType = mediaType ?? (mode == BodyMode.Html ? "text/html" : null),
                        Charset = response.Content.Headers.ContentType?.CharSet,
                        ETag = response.Headers.ETag?.ToString(),
                        LastModified = response.Content.Headers.LastModified,
                    };
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or IOException or TimeoutRejectedException or OperationCanceledException)
                {
                    var failed = deadline.Expired ? deadline.Status() : MapException(ex);
                    return new FetchResult { Status = failed with { Chain = chain.ToArray() }, FinalUri = current };
                }
            }
        }
    }

    /// <summary>
    /// A host's circuit is open because it failed repeatedly: answer with the failure that opened it (connection refused,
    /// reset, timeout, …), so a finding keeps its kind (and id) whether or not the circuit happened to be open when the URL
    /// was checked; the detail says the circuit was open. Other failures are remembered per host (<see cref="HostKey"/>).
    /// </summary>
    private LinkStatus RememberOrRecall(Uri uri, LinkStatus failed)
    {
        var host = HostKey.Of(uri);
        if (failed is { State: LinkState.Error, Error: LinkErrorKind.HostDown })
        {
            return lastFailure.TryGetValue(host, out var cause) ? cause with { Detail = $"{failed.Detail}; last failure: {cause.Detail}" } : failed;
        }

        if (failed.State is LinkState.Error or LinkState.Timeout)
        {
            lastFailure[host] = failed;
        }

        return failed;
    }

    /// <summary>The raw <c>Location</c> header, also when .NET could not parse it (then <see cref="System.Net.Http.Headers.HttpResponseHeaders.Location"/> is null).</summary>
    private static string? RedirectLocation(HttpResponseMessage response)
    {
        if (response.Headers.Location is { } parsed)
        {
            return parsed.OriginalString;
        }

        return response.Headers.NonValidated.TryGetValues("Location", out var raw) ? raw.FirstOrDefault() : null;
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..199] + "…";

    private static async Task<(byte[] Body, bool Truncated)> ReadCappedAsync(HttpContent content, int cap, CancellationToken ct)
    {
        // One array of the body's size when the server says it (the usual case): a page's bytes are allocated once, not
        // grown, copied and trimmed, which for large pages meant three large-object allocations and a full collection
        // every few hundred pages. Without a length the body is read into pooled chunks and copied out once.
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        if (content.Headers.ContentLength is { } length and >= 0 and < int.MaxValue)
        {
            var exact = new byte[(int)Math.Min(length, cap)];
            var filled = await stream.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            if (filled < exact.Length)
            {
                return (exact[..filled], false); // shorter than announced (the connection ended)
            }

            return (exact, length > cap);
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        var used = 0;
        try
        {
            while (true)
            {
                if (used == buffer.Length)
                {
                    var larger = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)cap + 1));
                    buffer.AsSpan(0, used).CopyTo(larger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(used, Math.Min(buffer.Length, cap + 1) - used), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer.AsSpan(0, used).ToArray(), false);
                }

                used += read;
                if (used > cap)
                {
                    return (buffer.AsSpan(0, cap).ToArray(), true);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static LinkStatus MapException(Exception ex)
    {
        if (ex is Polly.CircuitBreaker.BrokenCircuitException)
        {
            return new LinkStatus { State = LinkState.Error, Error = LinkErrorKind.HostDown, Detail = "the host failed repeatedly in this run; not contacted again for a while (circuit open)" };
        }

        if (ex is TimeoutRejectedException or OperationCanceledException or TimeoutException)
        {
            return new LinkStatus { State = LinkState.Timeout, Detail = "no answer in time" };
        }

        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException blocked)
            {
                return LinkStatus.Blocked(blocked.Message);
            }
        }

        var kind = ex is HttpRequestException hre
            ? hre.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => LinkErrorKind.Dns,
                HttpRequestError.ConnectionError => IsRefused(ex) ? LinkErrorKind.ConnectionRefused : IsReset(ex) ? LinkErrorKind.ConnectionReset : LinkErrorKind.Other,
                HttpRequestError.SecureConnectionError => LinkErrorKind.Tls,
                HttpRequestError.ResponseEnded => LinkErrorKind.ConnectionReset,
                HttpRequestError.InvalidResponse => LinkErrorKind.Protocol,
                _ => IsRefused(ex) ? LinkErrorKind.ConnectionRefused : IsReset(ex) ? LinkErrorKind.ConnectionReset : LinkErrorKind.Other,
            }
            : LinkErrorKind.ConnectionReset;
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return new LinkStatus { State = LinkState.Error, Error = kind, Detail = inner.Message };
    }

    private static bool IsReset(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionAborted or System.Net.Sockets.SocketError.Shutdown })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRefused(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A set of HTTP status codes from a list like <c>200-299,403</c>.</summary>
public sealed class StatusCodeSet
{
    private readonly List<(int From, int To)> ranges = [];

    public static StatusCodeSet Parse(string spec)
    {
        var set = new StatusCodeSet();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.Split('-', 2);
            if (!int.TryParse(dash[0], out var from) || (dash.Length == 2 && !int.TryParse(dash[1], out _)))
            {
                throw new FormatException($"'{part}' is not a status code or range (e.g. 200-299,403)");
            }

            set.ranges.Add((from, dash.Length == 2 ? int.Parse(dash[1], System.Globalization.CultureInfo.InvariantCulture) : from));
        }

        return set;
    }

    public bool Contains(int code) => ranges.Any(r => code >= r.From && code <= r.To);
}
