using System.CommandLine;
using GameDrift.Analysis;
using GameDrift.Games.Toys;
using GameDrift.Io.Plots;
using GameDrift.Torch;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift toy-sweep</c>: a phase diagram over (lr_d, lr_d/lr_g), all configurations in one batched run.</summary>
internal static class ToySweepCommand
{
    public static Command Create()
    {
        var game = ToyOptions.Game(); var scheme = ToyOptions.Scheme(); var steps = ToyOptions.Steps(1000);
        var start = ToyOptions.Start(); var reg = ToyOptions.Reg(); var outDir = ToyOptions.Out("outputs/toy-sweep");
        var lrD = new Option<string>("--lr-d-range") { Description = "Discriminator learning rates START:STOP:COUNT (log-spaced, inclusive).", DefaultValueFactory = _ => "0.01:4:40" };
        var ratio = new Option<string>("--ratio-range") { Description = "Ratios lr_d/lr_g (alpha/lambda) START:STOP:COUNT (log-spaced, inclusive).", DefaultValueFactory = _ => "0.125:8:31" };
        var cmd = new Command("toy-sweep", "Sweep a toy game over learning rates and their ratio; write sweep.csv and a heatmap.")
        { game, scheme, lrD, ratio, steps, start, reg, outDir };
        cmd.SetAction(r => CliErrors.Run(() => Run(r.GetValue(game)!, r.GetValue(scheme)!, r.GetValue(lrD)!, r.GetValue(ratio)!,
            r.GetValue(steps), r.GetValue(start), r.GetValue(reg), r.GetValue(outDir)!)));
        return cmd;
    }

    internal static int Run(string gameName, string schemeName, string lrDText, string ratioText, int steps, string? startText, string? regText, string outDir)
    {
        var game = ToyGames.Create(gameName);
        var scheme = EulerUpdate.ParseScheme(schemeName);
        var reg = ToyOptions.ParseReg(regText);
        game = ToyGames.WithInstanceNoise(game, reg);
        var lrD = LogRange.Parse(lrDText, "--lr-d-range");
        var ratio = LogRange.Parse(ratioText, "--ratio-range");
        if (steps < 1) throw new ArgumentException($"--steps must be at least 1 (got {steps})");
        var start = ToyOptions.ParseStart(startText, game);
        using var scope = torch.NewDisposeScope();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = ToySweep.Run(game, scheme, lrD, ratio, steps, start, reg);
        var seconds = clock.Elapsed.TotalSeconds;
        Directory.CreateDirectory(outDir);
        var csv = Path.Combine(outDir, "sweep.csv");
        ToyOptions.WriteCsv(csv, ToySweep.Columns, result.Rows.Select(r => new[]
        {
            ToyOptions.F(r.LrD), ToyOptions.F(r.LrG), r.Scheme, r.Regulariser, ToyOptions.F(r.FinalDistance), r.Verdict,
            ToyOptions.F(r.Lyapunov), ToyOptions.F(r.SpectralRadius), r.PredictedExactMap, r.PredictedPaper, r.PredictedSingleClock,
        }));
        var png = Path.Combine(outDir, "sweep.png");
        Heatmap(result, lrD.Values(), ratio.Values(), $"{game.Name}, {schemeName}, {steps} steps{(reg is null ? "" : ", " + reg)}").Save(png);
        Console.WriteLine($"{result.Rows.Count} configurations x {steps} steps in {seconds:F2} s");
        foreach (var g in result.Rows.GroupBy(r => r.Verdict)) Console.WriteLine($"  {g.Key}: {g.Count()}");
        Console.WriteLine($"wrote {csv} and {png}");
        return 0;
    }

    private static readonly string[] Verdicts = { "converged", "cycling", "chaotic", "diverged", "undecided" };

    // What a verdict means (RegimeClassifier.Legend in full), short enough for the axis line.
    private const string VerdictNote = "lr_d (alpha h).  converged: < 1% of start;  diverged: growing or > 4x;  undecided: < 2 turns or still shrinking";

    private static Plot Heatmap(ToySweepResult r, double[] lrDs, double[] ratios, string title)
    {
        // Rows are lr_d-major, ratio-minor: cell [ratio, lr_d] of the map.
        var cats = new int[ratios.Length, lrDs.Length];
        for (var a = 0; a < lrDs.Length; a++)
            for (var b = 0; b < ratios.Length; b++)
                cats[b, a] = Array.IndexOf(Verdicts, r.Rows[a * ratios.Length + b].Verdict);
        // The verdicts' meaning goes into the picture (RegimeClassifier.Legend), under the axis.
        var p = new Plot(820, 600) { Title = title, XLabel = VerdictNote, YLabel = "lr_d / lr_g (alpha / lambda)", XScale = Scale.Log, YScale = Scale.Log };
        p.CategoryMap(cats, lrDs, ratios, Verdicts);
        // Boundaries are crossing points of the predicted verdicts on a fine grid: drawn as points.
        foreach (var curve in r.Boundaries.Where(c => c.Points.Count > 0))
            p.Scatter(curve.Points.Select(q => q.LrD).ToArray(), curve.Points.Select(q => q.Ratio).ToArray(), $"predicted boundary ({curve.Predictor})",
                curve.Predictor switch { "paper" => Rgb.White, "single-clock" => Rgb.Black, _ => Rgb.Gray(120) }, size: 3);
        return p;
    }
}
