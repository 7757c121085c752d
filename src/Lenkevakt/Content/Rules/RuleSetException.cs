namespace Lenkevakt.Content.Rules;

/// <summary>The rule file is missing, malformed or inconsistent; the message lists every problem.</summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException()
    {
    }

    public RuleSetException(string message)
        : base(message)
    {
    }

    public RuleSetException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
