using System.Net;
using System.Text;

namespace Lenkevakt.Tools.ContentEval;

/// <summary>
/// Turns a stored page text (text from the start of the page, blank lines between paragraphs) into the simple HTML
/// a CMS page would have: the first short line is the title and main heading, short lines without a full stop are
/// headings, bullet lines are list items, the rest are paragraphs (line breaks kept as &lt;br&gt;), all inside &lt;main&gt;.
/// </summary>
public static class TextToHtml
{
    public static string Convert(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n").Select(p => p.Trim('\n')).Where(p => p.Trim().Length > 0).ToList();
        var first = paragraphs.Count > 0 ? paragraphs[0].Split('\n')[0].Trim() : "";
        var title = first.Length is > 0 and <= 120 ? first : "";
        var sb = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title)).Append("</title></head><body><main>");
        var headingDone = false;
        foreach (var p in paragraphs)
        {
            var lines = p.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var bullets = lines.Where(IsBullet).ToList();
            if (lines.Count == 1 && !IsBullet(lines[0]) && IsHeadingLike(lines[0]))
            {
                var tag = headingDone ? "h2" : "h1";
                headingDone = true;
                sb.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(lines[0])).Append("</").Append(tag).Append('>');
                continue;
            }

            var inList = false;
            var para = new List<string>();
            void FlushPara()
            {
                if (para.Count > 0)
                {
                    sb.Append("<p>").Append(string.Join("<br>", para.Select(WebUtility.HtmlEncode))).Append("</p>");
                    para.Clear();
                }
            }

            foreach (var line in lines)
            {
                if (IsBullet(line))
                {
                    FlushPara();
                    if (!inList)
                    {
                        sb.Append("<ul>");
                        inList = true;
                    }

                    sb.Append("<li>").Append(WebUtility.HtmlEncode(line.TrimStart('•', '-', '*', ' ').Trim())).Append("</li>");
                }
                else
                {
                    if (inList)
                    {
                        sb.Append("</ul>");
                        inList = false;
                    }

                    para.Add(line);
                }
            }

            if (inList)
            {
                sb.Append("</ul>");
            }

            FlushPara();
        }

        return sb.Append("</main></body></html>").ToString();
    }

    private static bool IsBullet(string line) => line.StartsWith('•') || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);

    private static bool IsHeadingLike(string line) => line.Length <= 80 && !line.EndsWith('.') && !line.Contains(". ", StringComparison.Ordinal);
}
