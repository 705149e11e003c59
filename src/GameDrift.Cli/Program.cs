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
root.Subcommands.Add(MogCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
// Exceptions reach CliErrors (clear message, exit code 2) instead of System.CommandLine's stack-trace handler.
return CliErrors.Run(() => root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
