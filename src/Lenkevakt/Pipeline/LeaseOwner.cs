using System.Diagnostics;
using System.Globalization;

namespace Lenkevakt.Pipeline;

/// <summary>
/// Who holds a lease: machine, process id and process start time (<c>machine|pid|startTicks</c>). A lease whose owner
/// is a process of this machine that no longer runs (killed, crashed) can be taken over at once instead of waiting
/// until it runs out; a lease held by another machine is only taken over when it expires.
/// </summary>
public static class LeaseOwner
{
    private static readonly Lazy<string> CurrentOwner = new(() =>
    {
        using var self = Process.GetCurrentProcess();
        return Format(Environment.MachineName, self.Id, StartTicks(self));
    });

    /// <summary>This process.</summary>
    public static string Current => CurrentOwner.Value;

    internal static string Format(string machine, int pid, long startTicks) => string.Create(CultureInfo.InvariantCulture, $"{machine}|{pid}|{startTicks}");

    /// <summary>True when <paramref name="owner"/> names a process on this machine that is gone (or is another process under a reused id).</summary>
    public static bool IsGoneOnThisMachine(string? owner)
    {
        var parts = owner?.Split('|');
        if (parts is not { Length: 3 } || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var started))
        {
            return false;
        }

        if (owner == Current)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || Math.Abs(StartTicks(process) - started) > TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return true; // No process with that id.
        }
        catch (InvalidOperationException)
        {
            return true; // Exited while we looked.
        }
    }

    private static long StartTicks(Process process)
    {
        try
        {
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return 0;
        }
    }
}
