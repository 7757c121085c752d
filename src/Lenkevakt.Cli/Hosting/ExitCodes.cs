namespace Lenkevakt.Cli.Hosting;

/// <summary>Process exit codes (a contract for scripts).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary><c>run --fail-on error|warning</c>: findings at or above that severity are open.</summary>
    public const int FindingsFound = 1;

    /// <summary>Bad arguments or configuration (e.g. an invalid sites file, a private address without --allow-private).</summary>
    public const int Usage = 2;

    /// <summary>Storage unreachable.</summary>
    public const int StorageUnavailable = 3;

    /// <summary>The run finished but some sites did not close (their messages are in a poison queue).</summary>
    public const int Incomplete = 4;

    /// <summary>Interrupted (Ctrl+C); the next run finishes the leftover work.</summary>
    public const int Interrupted = 130;

    /// <summary>An unexpected error (a bug): its type and message are printed; <c>LENKEVAKT_DEBUG=1</c> adds the stack trace.</summary>
    public const int Unexpected = 70;
}
