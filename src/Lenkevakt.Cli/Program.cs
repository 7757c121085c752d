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
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (Exception ex)
{
    return CliExceptionHandler.Handle(ex, Console.Error);
}
