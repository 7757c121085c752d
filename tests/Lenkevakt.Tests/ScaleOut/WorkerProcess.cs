using System.Diagnostics;
using System.Text;

namespace Lenkevakt.Tests.ScaleOut;

/// <summary>A real <c>lenkevakt worker --no-schedule</c> process against the test storage.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public WorkerProcess(string connectionString, string prefix, IReadOnlyDictionary<string, string>? settings = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lenkevakt.Cli.dll"));
        foreach (var a in new[] { "worker", "--no-schedule", "--allow-private" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["Lenkevakt__Crawl__HostMinInterval"] = "00:00:00";
        psi.Environment["Lenkevakt__Storage__ConnectionString"] = connectionString;
        psi.Environment["Lenkevakt__Storage__NamePrefix"] = prefix;
        psi.Environment["Lenkevakt__Queues__MaxPollInterval"] = "00:00:00.500";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>kill -9: no chance to hand messages back or save anything.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
