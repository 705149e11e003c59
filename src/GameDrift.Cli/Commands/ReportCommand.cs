using System.CommandLine;
using GameDrift.Reports;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift report --run DIR [--out FILE] [--cells a,b]</c>: a self-contained report.html of a run or sweep directory.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "A run directory or a sweep directory.", Required = true };
        var outFile = new Option<string?>("--out") { Description = "Where to write the HTML (default: <dir>/report.html)." };
        var cells = new Option<string[]>("--cells")
        {
            Description = "Sweep cells whose training curves to plot (default: the best cell of each line).",
            AllowMultipleArgumentsPerToken = true,
        };
        var cmd = new Command("report", "Write a self-contained report.html (plots, sample grids, metrics, configs) of a run or sweep.")
            { run, outFile, cells };
        cmd.SetAction(r => Run(r.GetValue(run)!, r.GetValue(outFile), r.GetValue(cells) ?? []));
        return cmd;
    }

    public static int Run(string dir, string? outFile, IReadOnlyList<string> cells)
    {
        var names = cells.SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var path = Report.Write(dir, outFile, new ReportOptions { Cells = names.Count > 0 ? names : null });
        Console.WriteLine(path);
        return 0;
    }
}
