namespace Lenkevakt.Content;

/// <summary>One piece of evidence that information is offered in a language: a labelled link, an hreflang alternate or a page in that language.</summary>
/// <param name="Code">Language code (fa covers Dari/Farsi), or <c>multi</c> for a general "other languages" link.</param>
/// <param name="Kind"><c>page</c> (a page detected in that language), <c>link-label</c>, <c>link-hreflang</c>, <c>hreflang</c>, <c>other-languages-link</c>, <c>heading</c>.</param>
/// <param name="Evidence">The link text and target, or the page.</param>
/// <param name="PageUrl">The page the evidence is on.</param>
public sealed record LanguageOffer(string Code, string Kind, string Evidence, string PageUrl);
