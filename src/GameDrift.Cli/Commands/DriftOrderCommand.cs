using System.CommandLine;
using GameDrift.Analysis;
using GameDrift.Reports.Charts;
using GameDrift.Games.Toys;
using GameDrift.Torch;
using GameDrift.Schemes;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift drift-order</c>: fitted one-step error slopes of the original and modified flows.</summary>
internal static class DriftOrderCommand
{
    public static Command Create()
    {
        var game = ToyOptions.Game(); var scheme = ToyOptions.Scheme(); var start = ToyOptions.Start();
        var outDir = ToyOptions.Out("outputs/drift-order");
        var ratio = new Option<double>("--lr-ratio") { Description = "alpha/lambda = lr_d/lr_g.", DefaultValueFactory = _ => 1.0 };
        var cmd = new Command("drift-order", "Fit the local-error order of the original and modified flows (expect ~2, ~3, ~3).")
        { game, scheme, ratio, start, outDir };
        cmd.SetAction(r => CliErrors.Run(() => Run(r.GetValue(game)!, r.GetValue(scheme)!, r.GetValue(ratio), r.GetValue(start), r.GetValue(outDir)!)));
        return cmd;
    }

    private static int Run(string gameName, string schemeName, double ratio, string? startText, string outDir)
    {
        if (gameName.Trim().ToLowerInvariant() is "product" or "quadratic")
            return RunGd(PfCommand.Loss(gameName, "1,0.01"), startText, outDir);
        var game = ToyGames.Create(gameName);
        var scheme = DiscreteMaps.RequireEuler(SchemeFactory.Parse(schemeName));
        // Away from the equilibrium, where the drift terms do not vanish.
        var start = ToyOptions.ParseStart(startText, game);
        using var scope = torch.NewDisposeScope();
        var rows = DriftOrder.Run(game, scheme, ratio, start);
        Directory.CreateDirectory(outDir);
        var csv = Path.Combine(outDir, "slopes.csv");
        ToyOptions.WriteCsv(csv, DriftOrder.Columns, rows.Select(r => new[] { r.Scheme, r.Flow, ToyOptions.F(r.Slope) }));
        foreach (var r in rows) Console.WriteLine($"{r.Scheme,-13} {r.Flow,-22} slope {r.Slope:F3}");
        var png = Path.Combine(outDir, "order.png");
        Chart.SavePng(OrderPlot(rows, $"{game.Name}, {schemeName}, lr_d/lr_g = {ratio}"), png, 720, 520);
        Console.WriteLine($"wrote {csv} and {png}");
        return 0;
    }

    // Log-log one-step error against step size, one line per flow, the fitted slope in its legend entry.
    private static ScottPlot.Plot OrderPlot(IReadOnlyList<DriftOrderRow> rows, string title)
    {
        var p = Chart.Lines(title, "step size h (log)", "one-step error |Euler step - flow| (log)");
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.H is null || r.Errors is null) continue;
            var ok = Enumerable.Range(0, r.H.Length).Where(k => r.Errors[k] > 0).ToArray();
            var line = p.Add.ScatterLine(ok.Select(k => Math.Log10(r.H[k])).ToArray(), ok.Select(k => Math.Log10(r.Errors[k])).ToArray(),
                GameDrift.Reports.TrainingCurves.Palette(i));
            line.MarkerSize = 6;
            line.LegendText = $"{r.Flow}: slope {r.Slope:F2}";
        }
        var hs = rows.Where(r => r.H is not null && r.Errors is not null).SelectMany(r => r.H!).Where(h => h > 0).ToArray();
        var errors = rows.Where(r => r.Errors is not null).SelectMany(r => r.Errors!).Where(e => e > 0).ToArray();
        if (hs.Length > 0) LogTicks.X(p, hs.Min(), hs.Max());
        if (errors.Length > 0) LogTicks.Y(p, errors.Min(), errors.Max());
        p.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return p;
    }

    // Gradient descent on a single loss (spec T1, T8): gradient flow ~2, IGR ~3, third order ~4, principal ~3.
    private static int RunGd(GameDrift.Analysis.SingleObjective.IScalarLoss loss, string? startText, string outDir)
    {
        var start = ToyOptions.ParseStart(startText, loss.Dim, loss is GameDrift.Analysis.SingleObjective.ProductLoss ? [0.3, 1.2] : null);
        using var scope = torch.NewDisposeScope();
        var rows = GameDrift.Analysis.SingleObjective.GdOrder.FitAll(loss, start);
        Directory.CreateDirectory(outDir);
        var csv = Path.Combine(outDir, "slopes.csv");
        ToyOptions.WriteCsv(csv, DriftOrder.Columns, rows.Select(r => new[] { "gd", r.Name, ToyOptions.F(r.Fit.Slope) }));
        foreach (var r in rows) Console.WriteLine($"{"gd",-13} {r.Name,-22} slope {r.Fit.Slope:F3}");
        Console.WriteLine($"wrote {csv}");
        return 0;
    }
}
