namespace Lenkevakt.Cli.Hosting;

/// <summary>A bad argument or setting found after parsing (an unknown county, an unwritable output file): exit code 2, message shown as is.</summary>
public sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);
