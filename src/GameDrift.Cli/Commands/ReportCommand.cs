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
        var smooth = new Option<double>("--smooth") { Description = "Smooth the training curves: moving-average weight on the past, 0 (none) to 0.99." };
        var logY = new Option<bool>("--log-y") { Description = "Training curves on a log y axis (columns with positive values spanning a decade or more)." };
        var cmd = new Command("report", "Write a self-contained report.html (plots, sample grids, metrics, configs) of a run or sweep.")
            { run, outFile, cells, smooth, logY };
        cmd.SetAction(r => Run(r.GetValue(run)!, r.GetValue(outFile), r.GetValue(cells) ?? [], r.GetValue(smooth), r.GetValue(logY)));
        return cmd;
    }

    public static int Run(string dir, string? outFile, IReadOnlyList<string> cells, double smooth = 0, bool logY = false)
    {
        if (!(smooth >= 0 && smooth < 1)) { Console.Error.WriteLine($"gamedrift: error: --smooth must be in [0, 1), got {smooth}"); return 2; }
        var names = cells.SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var path = Report.Write(dir, outFile, new ReportOptions { Cells = names.Count > 0 ? names : null, Smoothing = smooth, LogY = logY });
        Console.WriteLine(path);
        return 0;
    }
}
