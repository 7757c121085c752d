namespace Lenkevakt.Crawling;

/// <summary>
/// The image candidate URLs of a <c>srcset</c> attribute, as the HTML standard's parsing algorithm reads them: a URL
/// is a run of non-whitespace (so it may contain commas, e.g. <c>/img/a,b.png</c>); trailing commas end a candidate;
/// descriptors (<c>2x</c>, <c>480w</c>) run to the next comma outside parentheses; line breaks are whitespace.
/// </summary>
public static class Srcset
{
    public static IReadOnlyList<string> Candidates(string value)
    {
        var urls = new List<string>();
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && (char.IsWhiteSpace(value[i]) || value[i] == ','))
            {
                i++;
            }

            if (i >= value.Length)
            {
                break;
            }

            var start = i;
            while (i < value.Length && !char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            var url = value[start..i];
            var endsCandidate = false;
            if (url.EndsWith(','))
            {
                url = url.TrimEnd(',');
                endsCandidate = true;
            }

            if (url.Length > 0)
            {
                urls.Add(url);
            }

            if (endsCandidate)
            {
                continue;
            }

            // Descriptors: up to the next comma that is not inside parentheses.
            var depth = 0;
            while (i < value.Length && (value[i] != ',' || depth > 0))
            {
                depth += value[i] == '(' ? 1 : value[i] == ')' && depth > 0 ? -1 : 0;
                i++;
            }
        }

        return urls;
    }
}
