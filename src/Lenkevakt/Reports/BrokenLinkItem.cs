namespace Lenkevakt.Reports;

/// <summary>An open broken link as listed in the report: the page it is on (URL and title as crawled), the target, the kind and the HTTP status, if any.</summary>
public sealed record BrokenLinkItem(string PageUrl, string? PageTitle, string Target, string Kind, string KindTitle, int? HttpStatus);
