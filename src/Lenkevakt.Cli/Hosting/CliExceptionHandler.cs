using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Cli.Hosting;

/// <summary>
/// The last stop for an exception out of a command: one Norwegian line on standard error and the documented exit code
/// (2 arguments or configuration, 3 storage, 130 interrupted). Anything else is a bug: its type and message are
/// printed (the stack trace only with <c>LENKEVAKT_DEBUG=1</c>) and the exit code is 70.
/// </summary>
public static class CliExceptionHandler
{
    public static int Handle(Exception exception, TextWriter error)
    {
        var ex = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        switch (ex)
        {
            case OptionsValidationException options:
                error.WriteLine(OptionsErrorText.Describe(options));
                return ExitCodes.Usage;
            case SitesFileException sites:
                error.WriteLine($"Ugyldig nettstedsfil: {sites.Message}");
                return ExitCodes.Usage;
            case UsageException usage:
                error.WriteLine(usage.Message);
                return ExitCodes.Usage;
            case StorageUnavailableException storage:
                error.WriteLine($"Lagring utilgjengelig: {storage.Message}");
                return ExitCodes.StorageUnavailable;
            case OperationCanceledException:
                error.WriteLine("Avbrutt.");
                return ExitCodes.Interrupted;
            default:
                error.WriteLine($"Uventet feil ({ex.GetType().Name}): {ex.Message.Split('\n')[0].Trim()}");
                if (Environment.GetEnvironmentVariable("LENKEVAKT_DEBUG") is "1" or "true")
                {
                    error.WriteLine(ex.ToString());
                }
                else
                {
                    error.WriteLine("Kjør med LENKEVAKT_DEBUG=1 for detaljer, og meld gjerne feilen.");
                }

                return ExitCodes.Unexpected;
        }
    }
}
