namespace Lenkevakt.Findings;

/// <summary>How urgent a finding is. Ordered: <see cref="Info"/> &lt; <see cref="Warning"/> &lt; <see cref="Error"/>.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
