namespace Lenkevakt.Crawling;

/// <summary>Whether a #fragment exists on a page, by HTML's rules.</summary>
public static class AnchorMatch
{
    /// <summary>HTML's fragment rules: exact id/name, then the percent-decoded form; "top" and empty always exist.</summary>
    public static bool HasAnchor(IReadOnlySet<string> anchors, string fragment)
    {
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
