namespace Lenkevakt.Checks;

/// <summary>The outcome class of checking one link target.</summary>
public enum LinkState
{
    /// <summary>Answered with an accepted status (2xx by default).</summary>
    Ok,

    /// <summary>Answered through one or more redirects; <see cref="LinkStatus.Chain"/> holds the hops and the final status.</summary>
    Redirected,

    /// <summary>Answered with a client or server error status (4xx/5xx).</summary>
    Broken,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>Could not talk to the server: see <see cref="LinkStatus.Error"/>.</summary>
    Error,

    /// <summary>Redirects never ended (a loop or more than the allowed hops).</summary>
    RedirectLoop,

    /// <summary>Answered 200, but with the site's "not found" page (a soft 404, recognised by probing a path that cannot exist).</summary>
    Soft404,

    /// <summary>Skipped on purpose: an exclusion pattern, robots.txt, or a scheme that is not fetched (mailto:, tel:, javascript:).</summary>
    Excluded,

    /// <summary>A scheme Lenkevakt cannot check (e.g. ftp:) or a malformed URL.</summary>
    Unsupported,

    /// <summary>A redirect whose <c>Location</c> is not a valid http(s) URL (unparsable, <c>file:</c>, <c>ftp:</c>, …): browsers stop there.</summary>
    RedirectInvalid,

    /// <summary>The target resolves to a private, loopback, link-local or metadata address and the site does not allow that.</summary>
    Blocked,

    /// <summary>429 Too Many Requests: the host limits us; not broken (re-checked later in the run, then a warning if still limited).</summary>
    RateLimited,

    /// <summary>A 3xx without a usable <c>Location</c> (or a 304 to an unconditional request): the browser has nowhere to go.</summary>
    RedirectWithoutTarget,
}

/// <summary>Why a link could not be fetched. One member per cause.</summary>
public enum LinkErrorKind
{
    None,

    /// <summary>The host name does not resolve.</summary>
    Dns,

    /// <summary>The server refused the TCP connection.</summary>
    ConnectionRefused,

    /// <summary>The connection was reset or closed mid-answer.</summary>
    ConnectionReset,

    /// <summary>TLS handshake or certificate failure.</summary>
    Tls,

    /// <summary>The answer was not valid HTTP.</summary>
    Protocol,

    /// <summary>The host failed repeatedly in this run, so it was not contacted again (open circuit breaker).</summary>
    HostDown,

    /// <summary>Any other network failure.</summary>
    Other,
}

/// <summary>One hop of a redirect chain.</summary>
public sealed record RedirectHop(string Url, int StatusCode);

/// <summary>
/// The rich status of a checked link target (not a bool). <see cref="StatusCode"/> is the final HTTP status where one was received.
/// </summary>
public sealed record LinkStatus
{
    public required LinkState State { get; init; }

    public int? StatusCode { get; init; }

    public LinkErrorKind Error { get; init; }

    /// <summary>Redirect hops in order (each URL and the status that sent us on); empty without redirects.</summary>
    public IReadOnlyList<RedirectHop> Chain { get; init; } = [];

    /// <summary>The URL finally answered, after redirects.</summary>
    public string? FinalUrl { get; init; }

    /// <summary>A short technical detail (exception message, exclusion reason).</summary>
    public string? Detail { get; init; }

    public bool IsSuccess => State is LinkState.Ok or LinkState.Redirected or LinkState.Excluded;

    public bool IsError => State is LinkState.Broken or LinkState.Timeout or LinkState.Error or LinkState.RedirectLoop or LinkState.Soft404 or LinkState.RedirectInvalid or LinkState.RedirectWithoutTarget;

    /// <summary>True when every hop of the chain is a permanent redirect (301/308).</summary>
    public bool IsPermanentRedirect => Chain.Count > 0 && Chain.All(h => h.StatusCode is 301 or 308);

    public static LinkStatus Ok(int code, string? finalUrl = null) => new() { State = LinkState.Ok, StatusCode = code, FinalUrl = finalUrl };

    public static LinkStatus Excluded(string reason) => new() { State = LinkState.Excluded, Detail = reason };

    public static LinkStatus Blocked(string reason) => new() { State = LinkState.Blocked, Detail = reason };

    public static LinkStatus RedirectInvalid(string reason) => new() { State = LinkState.RedirectInvalid, Detail = reason };

    public static LinkStatus Unsupported(string reason) => new() { State = LinkState.Unsupported, Detail = reason };

    public override string ToString() => State switch
    {
        LinkState.Ok => $"ok {StatusCode}",
        LinkState.Redirected => $"redirected {string.Join(" -> ", Chain.Select(h => h.StatusCode))} -> {StatusCode} {FinalUrl}",
        LinkState.Broken => $"broken {StatusCode}",
        LinkState.Error => $"error {Error}",
        _ => State.ToString().ToLowerInvariant(),
    };
}
