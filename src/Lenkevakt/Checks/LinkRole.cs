namespace Lenkevakt.Checks;

/// <summary>
/// What an URL on a page is for: a link a visitor follows, or a resource the browser loads by itself. Everything but
/// <see cref="Link"/> is checked (HEAD, then GET where HEAD is refused) and never crawled or parsed.
/// </summary>
public enum LinkRole
{
    /// <summary><c>a[href]</c>, <c>area[href]</c>: followed, crawled when in scope.</summary>
    Link,

    /// <summary><c>img[src]</c>, <c>img[srcset]</c>, <c>source[srcset]</c>, <c>input[type=image][src]</c>.</summary>
    Image,

    /// <summary><c>script[src]</c>.</summary>
    Script,

    /// <summary><c>link[rel=stylesheet][href]</c>.</summary>
    Stylesheet,

    /// <summary><c>link[rel~=icon][href]</c> (also <c>apple-touch-icon</c>).</summary>
    Icon,

    /// <summary><c>link[rel=preload][href]</c>.</summary>
    Preload,

    /// <summary><c>link[rel=manifest][href]</c>.</summary>
    Manifest,

    /// <summary><c>iframe[src]</c>, <c>frame[src]</c>.</summary>
    Frame,

    /// <summary><c>embed[src]</c>, <c>object[data]</c>.</summary>
    Embed,

    /// <summary><c>audio[src]</c>, <c>video[src]</c>, <c>source[src]</c>.</summary>
    Media,

    /// <summary><c>video[poster]</c>.</summary>
    Poster,

    /// <summary><c>track[src]</c> (subtitles, captions).</summary>
    Track,

    /// <summary><c>form[action]</c> of a GET form, <c>button[formaction]</c>.</summary>
    FormAction,

    /// <summary><c>&lt;meta http-equiv="refresh" content="0; URL=…"&gt;</c>.</summary>
    MetaRefresh,

    /// <summary><c>&lt;meta property="og:image"&gt;</c>.</summary>
    OpenGraphImage,

    /// <summary><c>&lt;meta property="og:url"&gt;</c>.</summary>
    OpenGraphUrl,
}
