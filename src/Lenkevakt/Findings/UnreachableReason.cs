namespace Lenkevakt.Findings;

/// <summary>Why a site's start page could not be crawled; picks the sentence of <see cref="FindingMessages.SiteUnreachable"/>.</summary>
public enum UnreachableReason
{
    /// <summary>Not an HTML page, or not fetched at all.</summary>
    NotHtml,

    /// <summary>Answered with an error status (4xx/5xx).</summary>
    ErrorStatus,

    /// <summary>The host name does not resolve.</summary>
    Dns,

    /// <summary>The connection failed (refused, reset, TLS).</summary>
    ConnectionFailed,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>Redirects that never end.</summary>
    RedirectLoop,

    /// <summary>A private or internal address that is not checked.</summary>
    Blocked,

    /// <summary>Closed to robots (robots.txt) or excluded in the configuration.</summary>
    Excluded,
}
