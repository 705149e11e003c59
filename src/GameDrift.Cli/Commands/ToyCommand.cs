using System.CommandLine;
using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Io.Png;
using GameDrift.Reports;
using GameDrift.Reports.Charts;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.ToyRuns;
using ScottPlot;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift toy</c>: one toy-game run, its trajectory and the original and modified flows.</summary>
internal static class ToyCommand
{
    public static Command Create()
    {
        var game = ToyOptions.Game(); var scheme = ToyOptions.Scheme(); var steps = ToyOptions.Steps(500);
        var start = ToyOptions.Start(); var reg = ToyOptions.Reg(); var outDir = ToyOptions.Out("outputs/toy");
        var lrD = new Option<double>("--lr-d") { Description = "Discriminator (phi) learning rate, alpha*h.", DefaultValueFactory = _ => 0.1 };
        var lrG = new Option<double>("--lr-g") { Description = "Generator (theta) learning rate, lambda*h.", DefaultValueFactory = _ => 0.1 };
        var cmd = new Command("toy", "Run a toy game and compare the iterates with the original and modified flows.")
        { game, scheme, lrD, lrG, steps, start, reg, outDir };
        cmd.SetAction(r => CliErrors.Run(() => Run(r.GetValue(game)!, r.GetValue(scheme)!, r.GetValue(lrD), r.GetValue(lrG),
            r.GetValue(steps), r.GetValue(start), r.GetValue(reg), r.GetValue(outDir)!)));
        return cmd;
    }

    internal static int Run(string gameName, string schemeName, double lrD, double lrG, int steps, string? startText, string? regText, string outDir)
    {
        var game = ToyGames.Create(gameName);
        var scheme = DiscreteMaps.RequireEuler(SchemeFactory.Parse(schemeName));
        var reg = ToyOptions.ParseReg(regText);
        game = ToyGames.WithInstanceNoise(game, reg);
        var start = ToyOptions.ParseStart(startText, game);
        using var scope = torch.NewDisposeScope();
        var result = ToyRun.Run(game, scheme, lrD, lrG, steps, start, reg);
        Directory.CreateDirectory(outDir);
        var csv = Path.Combine(outDir, "trajectory.csv");
        // Running largest Lyapunov exponent of the map and each player's sharpness with its edge-of-stability ratio.
        var zs = result.Trajectory.Select(row => row[1..]).ToArray();
        var lyapunov = LyapunovTrace.Toy(game, new SchemeInfo(scheme), zs, lrD, lrG, reg);
        var sharpness = ToySharpness.Along(game, zs, lrD, lrG);
        ToyOptions.WriteCsv(csv, [.. result.Columns, "lyapunov", .. ToySharpness.Columns], result.Trajectory.Select((row, n) =>
            row.Select((v, i) => i == 0 ? ((long)v).ToString() : ToyOptions.F(v))
                .Append(n == 0 ? "" : ToyOptions.F(lyapunov[n])).Concat(sharpness[n].Select(ToyOptions.F))));
        ToyStabilityPlot.Draw(lyapunov, sharpness, $"{game.Name}, {schemeName}, lr_d={lrD}, lr_g={lrG}{(reg is null ? "" : ", " + reg)}")
            .Save(Path.Combine(outDir, "stability.png"));
        var png = Path.Combine(outDir, "trajectory.png");
        Plot(game.PhiDim, result, $"{game.Name}, {schemeName}, lr_d={lrD}, lr_g={lrG}{(reg is null ? "" : ", " + reg)}").Save(png);
        var distance = game.Equilibrium is null ? "no known equilibrium (regime from the Lyapunov exponent)" : $"final distance to equilibrium {result.FinalDistance:G6}";
        Console.WriteLine($"{distance}, Lyapunov exponent {result.Lyapunov:G4}, regime {result.Regime.Name()}");
        Console.WriteLine($"wrote {csv}, {png} and {Path.Combine(outDir, "stability.png")}");
        return 0;
    }

    // Flow names as the legend shows them: the per-player modified flow reads each player's coordinate at that
    // player's own time (phi at n*lr_d, theta at n*lr_g), so drawn in one plane it may cross itself.
    private static string FlowLabel(string name) => name switch
    {
        "original" => "original flow",
        "modified-single-clock" => "modified flow, single clock",
        "modified-paper-per-player" => "modified flow (paper), each player read at its own time",
        _ => name + " flow",
    };

    // Phase portrait in the first phi and first theta coordinates: the iterates beside the flows.
    private static PngImage Plot(int phiDim, ToyRunResult r, string title)
    {
        var p = Chart.Lines(title, "φ (first coordinate)", "θ (first coordinate)");
        int xi = 1, yi = 1 + phiDim, k = 0;
        foreach (var (name, rows) in r.Flows.Where(f => f.Key != "modified-paper"))
        {
            var flow = p.Add.ScatterLine(rows.Select(x => x[xi]).ToArray(), rows.Select(x => x[yi]).ToArray(), TrainingCurves.Palette(k++));
            flow.LineWidth = 2;
            flow.LegendText = FlowLabel(name);
        }
        var it = p.Add.ScatterLine(r.Trajectory.Select(x => x[xi]).ToArray(), r.Trajectory.Select(x => x[yi]).ToArray(), Colors.Black);
        it.LineWidth = 0.8f;
        it.MarkerSize = 4;
        it.LegendText = "iterates";
        p.ShowLegend(Edge.Bottom);
        return Chart.ToImage(p, 760, 640);
    }
}
