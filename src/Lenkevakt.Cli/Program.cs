using System.CommandLine;
using Lenkevakt.Cli.Commands;
using Lenkevakt.Cli.Hosting;

var root = new RootCommand("Lenkevakt – keeps Norway's public health help pages honest: crawls, checks links, languages and required information, records findings in Azure Storage.")
{
    RunCommand.Create(),
    WorkerCommand.Create(),
    ExportCommand.Create(),
    ReportCommand.Create(),
    ServeCommand.Create(),
    DemoCommand.Create(),
    PoisonCommand.Create(),
    ForgetCommand.Create(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    await Console.Error.WriteLineAsync(ParseErrorText.Describe(parse)).ConfigureAwait(false);
    return ExitCodes.Usage;
}

try
{
    // Ctrl+C cancels the command's token; the commands then stop gracefully (serve: the web server, then its Azurite
    // child, which gets up to 10 s to save). System.CommandLine's default forces termination 2 s after the signal,
    // which raced with that shutdown on a loaded machine (serve still running 90 s after Ctrl+C in CI): allow 30 s.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);
}
catch (Exception ex)
{
    return CliExceptionHandler.Handle(ex, Console.Error);
}
