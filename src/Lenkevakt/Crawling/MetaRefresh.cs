namespace Lenkevakt.Crawling;

/// <summary>The target URL of <c>&lt;meta http-equiv="refresh" content="…"&gt;</c>, read as browsers do.</summary>
public static class MetaRefresh
{
    /// <summary>
    /// The URL in <c>0; URL='/ny'</c>, <c>5;url=/ny</c>, <c>0, /ny</c> or <c>0; URL="/ny"</c>; null for a plain reload
    /// (<c>30</c>) or content that is not a refresh.
    /// </summary>
    public static string? Target(string content)
    {
        var s = content.AsSpan().TrimStart();
        var i = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
        {
            i++;
        }

        if (i == 0)
        {
            return null;
        }

        s = s[i..].TrimStart();
        if (s.Length == 0 || (s[0] != ';' && s[0] != ','))
        {
            return null;
        }

        s = s[1..].TrimStart();
        if (s.Length >= 3 && s[..3].Equals("url", StringComparison.OrdinalIgnoreCase))
        {
            var afterUrl = s[3..].TrimStart();
            if (afterUrl.Length > 0 && afterUrl[0] == '=')
            {
                s = afterUrl[1..].TrimStart();
            }
        }

        if (s.Length > 0 && s[0] is '\'' or '"')
        {
            var quote = s[0];
            s = s[1..];
            var end = s.IndexOf(quote);
            if (end >= 0)
            {
                s = s[..end];
            }
        }

        var url = s.Trim().ToString();
        return url.Length == 0 ? null : url;
    }
}
