using AngleSharp.Dom;
using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// Every URL a browser loads by itself from a page (images, scripts, stylesheets, icons, frames, embeds, media,
/// GET forms, meta refresh, Open Graph), each with its element, attribute and <see cref="LinkRole"/>. These are
/// checked, never crawled. An empty <c>src=""</c>/<c>href=""</c> is kept as an empty URL (a finding of its own).
/// </summary>
public static class ResourceExtractor
{
    private const string Selector =
        "img[src], img[srcset], source[src], source[srcset], script[src], link[href][rel], iframe[src], frame[src], embed[src], object[data], " +
        "audio[src], video[src], video[poster], track[src], input[src], form[action], button[formaction], meta[http-equiv][content], meta[property][content]";

    /// <summary>The resources of the whole document, in document order (<see cref="AddFrom"/> for each element of <see cref="Selector"/>).</summary>
    public static void AddTo(IDocument document, List<RawLink> links, Func<string, int, string> truncate)
    {
        foreach (var e in document.QuerySelectorAll(Selector))
        {
            AddFrom(e, e.SourceReference?.Position.Line ?? 0, links, truncate);
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> is one of the elements <see cref="Selector"/> selects (the same test, without a
    /// selector match: the page parser walks the tree once and asks every element).
    /// </summary>
    public static bool IsCandidate(IElement e) => e.LocalName switch
    {
        "img" or "source" => e.HasAttribute("src") || e.HasAttribute("srcset"),
        "script" or "iframe" or "frame" or "embed" or "audio" or "track" or "input" => e.HasAttribute("src"),
        "video" => e.HasAttribute("src") || e.HasAttribute("poster"),
        "link" => e.HasAttribute("href") && e.HasAttribute("rel"),
        "object" => e.HasAttribute("data"),
        "form" => e.HasAttribute("action"),
        "button" => e.HasAttribute("formaction"),
        "meta" => e.HasAttribute("content") && (e.HasAttribute("http-equiv") || e.HasAttribute("property")),
        _ => false,
    };

    /// <summary>The resource URLs of one element that <see cref="IsCandidate"/> accepts, at source line <paramref name="line"/> (0: unknown).</summary>
    public static void AddFrom(IElement e, int line, List<RawLink> links, Func<string, int, string> truncate)
    {
        {
            var text = truncate(e.GetAttribute("alt") ?? e.GetAttribute("title") ?? "", 120);
            void Add(string attribute, LinkRole role, string? value = null)
            {
                if ((value ?? e.GetAttribute(attribute)) is { } url)
                {
                    links.Add(new RawLink(url, text, e.LocalName, line, role, attribute));
                }
            }

            void AddSrcset()
            {
                if (e.GetAttribute("srcset") is { } srcset)
                {
                    foreach (var candidate in Srcset.Candidates(srcset))
                    {
                        Add("srcset", LinkRole.Image, candidate);
                    }
                }
            }

            switch (e.LocalName)
            {
                case "img":
                    Add("src", LinkRole.Image);
                    AddSrcset();
                    break;
                case "source":
                    Add("src", LinkRole.Media);
                    AddSrcset();
                    break;
                case "script":
                    Add("src", LinkRole.Script);
                    break;
                case "link" when LinkRel(e.GetAttribute("rel")!) is { } role:
                    Add("href", role);
                    break;
                case "iframe" or "frame":
                    Add("src", LinkRole.Frame);
                    break;
                case "embed":
                    Add("src", LinkRole.Embed);
                    break;
                case "object":
                    Add("data", LinkRole.Embed);
                    break;
                case "audio" or "video":
                    Add("src", LinkRole.Media);
                    Add("poster", LinkRole.Poster);
                    break;
                case "track":
                    Add("src", LinkRole.Track);
                    break;
                case "input" when string.Equals(e.GetAttribute("type")?.Trim(), "image", StringComparison.OrdinalIgnoreCase):
                    Add("src", LinkRole.Image);
                    break;
                case "form" when IsGet(e.GetAttribute("method")) && e.GetAttribute("action")!.Trim().Length > 0:
                    Add("action", LinkRole.FormAction);
                    break;
                case "button" when e.GetAttribute("formaction")!.Trim().Length > 0
                                   && IsGet(e.GetAttribute("formmethod") ?? e.Closest("form")?.GetAttribute("method")):
                    Add("formaction", LinkRole.FormAction);
                    break;
                case "meta" when string.Equals(e.GetAttribute("http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase)
                                 && MetaRefresh.Target(e.GetAttribute("content")!) is { } target:
                    Add("content", LinkRole.MetaRefresh, target);
                    break;
                case "meta" when e.GetAttribute("property")?.Trim().ToLowerInvariant() is "og:image" or "og:url" && e.GetAttribute("content")!.Trim().Length > 0:
                    Add("content", e.GetAttribute("property")!.Trim().Equals("og:image", StringComparison.OrdinalIgnoreCase) ? LinkRole.OpenGraphImage : LinkRole.OpenGraphUrl);
                    break;
            }
        }
    }

    private static bool IsGet(string? method) => method is null || method.Trim().Length == 0 || method.Trim().Equals("get", StringComparison.OrdinalIgnoreCase);

    private static LinkRole? LinkRel(string rel)
    {
        var tokens = rel.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToLowerInvariant()).ToHashSet();
        return tokens.Contains("stylesheet") ? LinkRole.Stylesheet
            : tokens.Contains("icon") || tokens.Contains("apple-touch-icon") || tokens.Contains("mask-icon") ? LinkRole.Icon
            : tokens.Contains("preload") || tokens.Contains("modulepreload") ? LinkRole.Preload
            : tokens.Contains("manifest") ? LinkRole.Manifest
            : null;
    }
}
