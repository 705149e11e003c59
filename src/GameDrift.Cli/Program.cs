using System.CommandLine;
using GameDrift.Cli;
using GameDrift.Cli.Commands;

var root = new RootCommand("GameDrift: train two-player games, measure and cancel discretisation drift.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ToyCommand.Create());
root.Subcommands.Add(ToySweepCommand.Create());
root.Subcommands.Add(DriftOrderCommand.Create());
root.Subcommands.Add(PfCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(MogCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
root.Subcommands.Add(SelfTestCommand.Create());
// Exceptions reach CliErrors (clear message, exit code 2) instead of System.CommandLine's stack-trace handler.
return CliErrors.Run(() =>
{
    var parsed = root.Parse(args);
    // A malformed command line (unknown option, a value of the wrong type) is bad input too: one line, exit code 2.
    if (parsed.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
    {
        Console.Error.WriteLine($"gamedrift: error: {parsed.Errors[0].Message} (gamedrift {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))} --help lists the options)");
        return CliErrors.BadInput;
    }
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
});
