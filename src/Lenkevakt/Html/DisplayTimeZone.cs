namespace Lenkevakt.Html;

/// <summary>
/// The time zone the people-facing outputs (dashboard, coverage report) show dates and times in: the nightly
/// schedule's (<c>Lenkevakt:Schedule:TimeZone</c>, an IANA id, checked at start), given by the composition root so the
/// outputs need not know the pipeline's options.
/// </summary>
public sealed record DisplayTimeZone(string Id)
{
    public TimeZoneInfo Find() => TimeZoneInfo.FindSystemTimeZoneById(Id);
}
