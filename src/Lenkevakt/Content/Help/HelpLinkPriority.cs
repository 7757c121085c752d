using Lenkevakt.Crawling;

namespace Lenkevakt.Content.Help;

/// <summary>The crawl's link priority: links that look like they lead to help pages first (<see cref="HelpPageSignals.ScoreLink"/>).</summary>
public sealed class HelpLinkPriority : ILinkPriority
{
    public double Score(string href, string text) => HelpPageSignals.ScoreLink(href, text);
}
