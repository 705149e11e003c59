using System.CommandLine;
using GameDrift.Cli;
using GameDrift.Cli.Commands;

var root = new RootCommand("GameDrift: train two-player games, measure and cancel discretisation drift.");
root.Subcommands.Add(DemoCommand.Create());
return CliErrors.Run(() => root.Parse(args).Invoke());
