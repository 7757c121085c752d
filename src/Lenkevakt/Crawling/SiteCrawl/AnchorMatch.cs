namespace Lenkevakt.Crawling;

/// <summary>Whether a #fragment exists on a page, by HTML's rules.</summary>
public static class AnchorMatch
{
    /// <summary>
    /// The element-id part of a fragment: a text fragment (<c>#:~:text=…</c>, a fragment directive) names no element,
    /// and <c>#id:~:text=…</c> names <c>id</c>.
    /// </summary>
    public static string ElementPart(string fragment)
    {
        var directive = fragment.IndexOf(":~:", StringComparison.Ordinal);
        return directive < 0 ? fragment : fragment[..directive];
    }

    /// <summary>HTML's fragment rules: exact id/name, then the percent-decoded form; "top", empty and text fragments always exist.</summary>
    public static bool HasAnchor(IReadOnlySet<string> anchors, string fragment)
    {
        fragment = ElementPart(fragment);
        if (fragment.Length == 0 || fragment.Equals("top", StringComparison.OrdinalIgnoreCase) || anchors.Contains(fragment))
        {
            return true;
        }

        try
        {
            return anchors.Contains(Uri.UnescapeDataString(fragment));
        }
        catch (UriFormatException)
        {
            return false;
        }
    }
}
