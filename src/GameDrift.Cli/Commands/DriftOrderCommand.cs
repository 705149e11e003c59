using System.CommandLine;
using GameDrift.Analysis;
using GameDrift.Games.Toys;
using GameDrift.Torch;

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
        var scheme = EulerUpdate.ParseScheme(schemeName);
        // Away from the equilibrium, where the drift terms do not vanish.
        var start = ToyOptions.ParseStart(startText, game.PhiDim + game.ThetaDim, null);
        using var scope = torch.NewDisposeScope();
        var rows = DriftOrder.Run(game, scheme, ratio, start);
        Directory.CreateDirectory(outDir);
        var csv = Path.Combine(outDir, "slopes.csv");
        ToyOptions.WriteCsv(csv, DriftOrder.Columns, rows.Select(r => new[] { r.Scheme, r.Flow, ToyOptions.F(r.Slope) }));
        foreach (var r in rows) Console.WriteLine($"{r.Scheme,-13} {r.Flow,-22} slope {r.Slope:F3}");
        Console.WriteLine($"wrote {csv}");
        return 0;
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
