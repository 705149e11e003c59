using System.CommandLine;
using GameDrift.Analysis;
using GameDrift.Games.Toys;
using GameDrift.Io.Png;
using GameDrift.Reports.Charts;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.ToyRuns;
using ScottPlot;

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
        var scheme = DiscreteMaps.RequireEuler(SchemeFactory.Parse(schemeName));
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

    // What a verdict means (RegimeClassifier.Legend in full), short enough for a legend entry.
    private static readonly string[] VerdictNotes = { "< 1% of start", "", "", "growing or > 4x", "< 2 turns or still shrinking" };
    private static readonly string[] VerdictColours = { "#2ca02c", "#1f77b4", "#ff7f0e", "#d62728", "#c7c7c7" };

    // Each predictor's boundary points get a shape and an outline that stand out on every verdict colour and on the
    // legend's white: the paper's per-player boundary as black dots, the single-clock one as yellow diamonds drawn last
    // and inside the exact map's larger white squares, so that where boundaries coincide both stay visible.
    private static (MarkerShape Shape, float Size, string Fill, int Order) BoundaryMarker(string predictor) => predictor switch
    {
        "paper" => (MarkerShape.FilledCircle, 6, "#000000", 1),
        "single-clock" => (MarkerShape.FilledDiamond, 8, "#ffe119", 2),
        _ => (MarkerShape.FilledSquare, 10, "#ffffff", 0),
    };

    private static PngImage Heatmap(ToySweepResult r, double[] lrDs, double[] ratios, string title)
    {
        var p = Chart.Lines(title, "lr_d (α h, log scale)", "lr_d / lr_g (α / λ, log scale)");
        // Rows are lr_d-major, ratio-minor. Each cell is a rectangle in log10 coordinates between the geometric
        // midpoints of its neighbours (an axis of one value gets a cell one decade wide).
        var xEdges = Edges(lrDs.Select(Math.Log10).ToArray());
        var yEdges = Edges(ratios.Select(Math.Log10).ToArray());
        var used = new bool[Verdicts.Length];
        for (var a = 0; a < lrDs.Length; a++)
            for (var b = 0; b < ratios.Length; b++)
            {
                var k = Array.IndexOf(Verdicts, r.Rows[a * ratios.Length + b].Verdict);
                var cell = p.Add.Rectangle(xEdges[a], xEdges[a + 1], yEdges[b], yEdges[b + 1]);
                cell.FillColor = k < 0 ? Colors.LightGray : Color.FromHex(VerdictColours[k]).WithAlpha(0.75);
                cell.LineWidth = 0;
                if (k >= 0) used[k] = true;
            }
        for (int k = 0; k < Verdicts.Length; k++)
            if (used[k])
                p.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = VerdictNotes[k] == "" ? Verdicts[k] : $"{Verdicts[k]} ({VerdictNotes[k]})",
                    FillColor = Color.FromHex(VerdictColours[k]).WithAlpha(0.75),
                });
        // Boundaries are crossing points of the predicted verdicts on a fine grid: drawn as points.
        foreach (var curve in r.Boundaries.Where(c => c.Points.Count > 0).OrderBy(c => BoundaryMarker(c.Predictor).Order))
        {
            var (shape, size, fill, _) = BoundaryMarker(curve.Predictor);
            var m = p.Add.Markers(curve.Points.Select(q => Math.Log10(q.LrD)).ToArray(), curve.Points.Select(q => Math.Log10(q.Ratio)).ToArray(),
                shape, size, Color.FromHex(fill));
            m.MarkerStyle.OutlineColor = Colors.Black;
            m.MarkerStyle.OutlineWidth = 1;
            p.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"predicted boundary ({curve.Predictor})",
                MarkerStyle = new MarkerStyle(shape, size, Color.FromHex(fill)) { OutlineColor = Colors.Black, OutlineWidth = 1 },
                LineWidth = 0,
            });
        }
        LogTicks.X(p, lrDs.Min(), lrDs.Max());
        LogTicks.Y(p, ratios.Min(), ratios.Max());
        p.Axes.SetLimits(xEdges[0], xEdges[^1], yEdges[0], yEdges[^1]);
        p.ShowLegend(Edge.Right);
        return Chart.ToImage(p, 960, 600);
    }

    // Cell edges around sorted centres: midpoints between neighbours, half a step beyond the ends.
    private static double[] Edges(double[] centres)
    {
        if (centres.Length == 1) return [centres[0] - 0.5, centres[0] + 0.5];
        var e = new double[centres.Length + 1];
        for (int i = 1; i < centres.Length; i++) e[i] = (centres[i - 1] + centres[i]) / 2;
        e[0] = centres[0] - (e[1] - centres[0]);
        e[^1] = centres[^1] + (centres[^1] - e[^2]);
        return e;
    }
}
