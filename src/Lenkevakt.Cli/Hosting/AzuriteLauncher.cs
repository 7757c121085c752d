using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Lenkevakt.Storage;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Cli.Hosting;

/// <summary>
/// Starts the real Azure Storage emulator (the pinned <c>azurite</c> npm package in <c>tools/azurite</c>) on 127.0.0.1
/// when the connection is development storage and nothing answers there. Installs the pinned package with
/// <c>npm ci</c> on first use. Disposing the handle stops the emulator it started (and only that one).
/// </summary>
public static partial class AzuriteLauncher
{
    /// <summary>The well-known, public Azurite development account key (documented by Microsoft; not a secret).</summary>
    public const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string ConnectionString(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevAccountKey + ";" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>Ports (blob, queue, table) of a development-storage connection string, or null when it points elsewhere.</summary>
    public static (int Blob, int Queue, int Table)? DevelopmentPorts(string connectionString)
    {
        if (connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return (10000, 10001, 10002);
        }

        if (!connectionString.Contains("devstoreaccount1", StringComparison.Ordinal))
        {
            return null;
        }

        int? Port(string name)
        {
            var m = Regex.Match(connectionString, name + @"Endpoint=http://(127\.0\.0\.1|localhost):(\d+)", RegexOptions.IgnoreCase);
            return m.Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        return Port("Queue") is { } q && Port("Table") is { } t ? (Port("Blob") ?? q - 1, q, t) : null;
    }

    public static async Task<bool> IsListeningAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromMilliseconds(500));
            await client.ConnectAsync("127.0.0.1", port, cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Makes sure an emulator answers on the ports of <paramref name="connectionString"/>. Returns null when one already
    /// answers (or the connection is not development storage), else the handle of the emulator started here.
    /// </summary>
    public static async Task<AzuriteProcess?> EnsureRunningAsync(string connectionString, string location, ILogger logger, CancellationToken ct)
    {
        if (DevelopmentPorts(connectionString) is not { } ports)
        {
            return null;
        }

        if (await IsListeningAsync(ports.Queue, ct).ConfigureAwait(false) && await IsListeningAsync(ports.Table, ct).ConfigureAwait(false))
        {
            logger.LogInformation("Using the storage emulator already listening on 127.0.0.1:{Queue}/{Table}", ports.Queue, ports.Table);
            return null;
        }

        return await StartAsync(ports.Blob, ports.Queue, ports.Table, location, inMemory: false, logger, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts Azurite on the given ports (0 = pick free ports) and waits until it answers. Picked ports are distinct; if
    /// another process takes one of them before Azurite binds it (EADDRINUSE), the start is tried again with new ones.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(int blobPort, int queuePort, int tablePort, string location, bool inMemory, ILogger logger, CancellationToken ct)
    {
        var exe = await LocateAsync(logger, ct).ConfigureAwait(false);
        var picked = blobPort == 0 || queuePort == 0 || tablePort == 0;
        for (var attempt = 1; ; attempt++)
        {
            // Ports are only picked when some were left to us (the CLI's own start passes all three).
            int[] free = picked ? FreePorts(3, exclude: [blobPort, queuePort, tablePort]) : [blobPort, queuePort, tablePort];
            try
            {
                return await StartOnceAsync(exe, blobPort == 0 ? free[0] : blobPort, queuePort == 0 ? free[1] : queuePort, tablePort == 0 ? free[2] : tablePort, location, inMemory, logger, ct).ConfigureAwait(false);
            }
            catch (StorageUnavailableException ex) when (picked && attempt < 3 && ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                logger.LogWarning("A picked port was taken before Azurite could listen on it; trying other ports");
            }
        }
    }

    private static async Task<AzuriteProcess> StartOnceAsync(string exe, int blobPort, int queuePort, int tablePort, string location, bool inMemory, ILogger logger, CancellationToken ct)
    {
        Directory.CreateDirectory(location);
        var psi = WatchedStart(exe);
        foreach (var arg in new[]
                 {
                     "--silent",
                     "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                 })
        {
            psi.ArgumentList.Add(arg);
        }

        if (inMemory)
        {
            psi.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            psi.ArgumentList.Add("--location");
            psi.ArgumentList.Add(Path.GetFullPath(location));
        }

        logger.LogInformation("Starting Azurite on 127.0.0.1 (blob {Blob}, queue {Queue}, table {Table}), data in {Location}", blobPort, queuePort, tablePort, location);
        var process = Process.Start(psi) ?? throw new StorageUnavailableException($"Kunne ikke starte Azurite ({exe}).");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var handle = new AzuriteProcess(process, blobPort, queuePort, tablePort);
        // Up to a minute: on a busy machine (a shared CI box, several test runs) node alone can take 20 s to start.
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                string text;
                lock (output)
                {
                    text = output.ToString().Trim();
                }

                throw new StorageUnavailableException($"Azurite avsluttet ved start (kode {process.ExitCode}): {text}");
            }

            if (await IsListeningAsync(queuePort, ct).ConfigureAwait(false) && await IsListeningAsync(tablePort, ct).ConfigureAwait(false) &&
                await IsListeningAsync(blobPort, ct).ConfigureAwait(false))
            {
                return handle;
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }

        await handle.DisposeAsync().ConfigureAwait(false);
        throw new StorageUnavailableException("Azurite svarte ikke innen 60 s på 127.0.0.1.");
    }

    /// <summary>
    /// How Azurite is started: the pinned package through <c>tools/azurite/watchdog.js</c>, which runs it in the same node
    /// process and stops it gracefully when this process is gone (kill -9 of the CLI must not leave an orphaned emulator
    /// holding the ports and the data folder); any other executable (<c>LENKEVAKT_AZURITE</c>) as it is.
    /// </summary>
    private static ProcessStartInfo WatchedStart(string exe)
    {
        var watchdog = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(exe)!)!)!, "watchdog.js");
        var psi = File.Exists(watchdog) ? new ProcessStartInfo("node") : new ProcessStartInfo(exe);
        if (File.Exists(watchdog))
        {
            psi.ArgumentList.Add(watchdog);
            psi.ArgumentList.Add(exe);
            psi.Environment["LENKEVAKT_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        return psi;
    }

    /// <summary>Finds <c>tools/azurite/node_modules/.bin/azurite</c> above the current or the program's folder, running <c>npm ci</c> there if needed.</summary>
    public static async Task<string> LocateAsync(ILogger logger, CancellationToken ct)
    {
        var env = Environment.GetEnvironmentVariable("LENKEVAKT_AZURITE");
        if (!string.IsNullOrEmpty(env) && File.Exists(env))
        {
            return env;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var tool = Path.Combine(dir.FullName, "tools", "azurite");
                if (!File.Exists(Path.Combine(tool, "package.json")))
                {
                    continue;
                }

                var bin = Path.Combine(tool, "node_modules", ".bin", "azurite");
                if (!File.Exists(bin))
                {
                    await NpmCiAsync(tool, logger, ct).ConfigureAwait(false);
                }

                if (File.Exists(bin))
                {
                    return bin;
                }
            }
        }

        throw new StorageUnavailableException(
            "Azurite er ikke installert: fant ingen tools/azurite/package.json over gjeldende mappe. Kjør lenkevakt fra repositoriet, " +
            "sett LENKEVAKT_AZURITE til en azurite-kjørbar fil, eller sett Lenkevakt__Storage__ConnectionString til en lagringskonto som svarer.");
    }

    /// <summary>
    /// True when the pinned emulator still has to be installed with <c>npm ci</c> (the first run on a machine takes about
    /// half a minute), so a caller can say so before <see cref="EnsureRunningAsync"/> goes quiet.
    /// </summary>
    public static bool NeedsInstall()
    {
        var env = Environment.GetEnvironmentVariable("LENKEVAKT_AZURITE");
        if (!string.IsNullOrEmpty(env) && File.Exists(env))
        {
            return false;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var tool = Path.Combine(dir.FullName, "tools", "azurite");
                if (File.Exists(Path.Combine(tool, "package.json")))
                {
                    return !File.Exists(Path.Combine(tool, "node_modules", ".bin", "azurite"));
                }
            }
        }

        return false;
    }

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static async Task NpmCiAsync(string folder, ILogger logger, CancellationToken ct)
    {
        await InstallLock.WaitAsync(ct).ConfigureAwait(false);
        FileStream? crossProcess = null;
        try
        {
            // Another process (a second CLI, the test run) may be installing at the same moment: take a lock file.
            for (var attempt = 0; crossProcess is null; attempt++)
            {
                try
                {
                    crossProcess = new FileStream(Path.Combine(folder, ".install.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                }
                catch (IOException) when (attempt < 600)
                {
                    await Task.Delay(500, ct).ConfigureAwait(false);
                }
            }

            if (File.Exists(Path.Combine(folder, "node_modules", ".bin", "azurite")))
            {
                return;
            }

            logger.LogInformation("Installing the pinned Azurite with npm ci in {Folder} (first run only)...", folder);
            var psi = new ProcessStartInfo("npm") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
            {
                psi.ArgumentList.Add(a);
            }

            Process process;
            try
            {
                process = Process.Start(psi) ?? throw new StorageUnavailableException("npm startet ikke");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new StorageUnavailableException("Azurite trenger Node.js og npm (Node 20+) på PATH for å installere den låste emulatoren: " + ex.Message, ex);
            }

            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync(ct);
                _ = process.StandardOutput.ReadToEndAsync(ct);
                await process.WaitForExitAsync(ct).ConfigureAwait(false);
                if (process.ExitCode != 0)
                {
                    throw new StorageUnavailableException($"npm ci i {folder} feilet ({process.ExitCode}): {(await stderr.ConfigureAwait(false)).Trim()}");
                }
            }
        }
        finally
        {
            crossProcess?.Dispose();
            InstallLock.Release();
        }
    }

    public static int FreePort() => FreePorts(1)[0];

    /// <summary>
    /// <paramref name="count"/> distinct free loopback ports, none of them in <paramref name="exclude"/>: all are held open
    /// until the last is found (a port picked and released at once can be handed out again by the next pick).
    /// </summary>
    public static int[] FreePorts(int count, IReadOnlyCollection<int>? exclude = null)
    {
        var listeners = new List<TcpListener>();
        try
        {
            var ports = new List<int>();
            while (ports.Count < count)
            {
                var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
                l.Start();
                listeners.Add(l);
                var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
                if (exclude is null || !exclude.Contains(port))
                {
                    ports.Add(port);
                }
            }

            return [.. ports];
        }
        finally
        {
            foreach (var l in listeners)
            {
                l.Stop();
            }
        }
    }
}

/// <summary>An Azurite process started by <see cref="AzuriteLauncher"/>; disposing stops it (gracefully, so it saves its data).</summary>
public sealed class AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort) : IAsyncDisposable
{
    public int BlobPort { get; } = blobPort;
    public int QueuePort { get; } = queuePort;
    public int TablePort { get; } = tablePort;
    public int ProcessId => process.Id;

    public string ConnectionString => AzuriteLauncher.ConnectionString(BlobPort, QueuePort, TablePort);

    /// <summary>
    /// Stops the emulator: SIGINT first so Azurite writes its data to disk (it keeps tables and queues in memory and
    /// persists on shutdown), then a hard kill if it has not exited within 10 s.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                if (!OperatingSystem.IsWindows())
                {
                    using (var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
                    {
                        await (kill?.WaitForExitAsync() ?? Task.CompletedTask).ConfigureAwait(false);
                    }

                    using var graceful = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    try
                    {
                        await process.WaitForExitAsync(graceful.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // Did not stop in time; killed below.
                    }
                }

                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    /// <summary>Simulates a crash (tests): kills the emulator without letting it save.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);
}
