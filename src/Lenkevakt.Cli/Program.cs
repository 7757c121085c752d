using System.CommandLine;
using Lenkevakt.Cli.Commands;

var root = new RootCommand("Lenkevakt – keeps Norway's public health help pages honest: crawls, checks links, languages and required information, records findings in Azure Storage.")
{
    RunCommand.Create(),
    WorkerCommand.Create(),
    ExportCommand.Create(),
    ReportCommand.Create(),
    ServeCommand.Create(),
    DemoCommand.Create(),
    PoisonCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
