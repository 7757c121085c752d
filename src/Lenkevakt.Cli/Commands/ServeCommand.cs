using System.CommandLine;
using Lenkevakt.Cli.Serve;

namespace Lenkevakt.Cli.Commands;

/// <summary><c>lenkevakt serve [--port N]</c>: the dashboard and the coverage report on http://127.0.0.1:N/ until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 8080 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port: må være et tall fra 0 til 65535.");
            }
        });
        var command = new Command("serve", "Serve the dashboard (/, /site/{id}) and the coverage report (/report?fylke=&format=) on 127.0.0.1 only; Ctrl+C stops.");
        command.Options.Add(port);
        var storagePrefix = CliOptions.StoragePrefix();
        command.Options.Add(storagePrefix);
        command.SetAction(async (p, ct) => await ExportCommand.WithStorageAsync(async (services, token) =>
        {
            await using var server = await DashboardServer.StartAsync(services, p.GetValue(port), token).ConfigureAwait(false);
            // Plain console output (never wrapped), so scripts and tests can read the address.
            Console.WriteLine($"Lenkevakt-dashbord: {server.Url} (rapport: {server.Url}report) – Ctrl+C stopper.");
            try
            {
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }, ct, CliOptions.StorageOverrides(p.GetValue(storagePrefix))).ConfigureAwait(false));
        return command;
    }
}
