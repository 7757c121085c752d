namespace Lenkevakt.Crawling;

/// <summary>
/// How likely a link leads to a page worth crawling first, from its href and text (higher first). The frontier
/// uses it to choose among the candidates of a level when they do not all fit the page budget
/// (<see cref="CrawlFrontier"/>). Must be a pure function: the same link always gets the same priority.
/// </summary>
public interface ILinkPriority
{
    double Score(string href, string text);
}
