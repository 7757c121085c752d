namespace Lenkevakt.Reports;

/// <summary>A municipality's numbers as stored with a report, to show the change in the next one.</summary>
public sealed record MunicipalitySnapshot(string Kommunenummer, string Status, int RulesMet, int RulesAssessed, int? BrokenLinks);
