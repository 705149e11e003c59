using System.CommandLine;
using GameDrift.Analysis.SingleObjective;
using GameDrift.Torch;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift pf</c>: gradient descent on a single loss beside its principal flow (spec §9.2).</summary>
internal static class PfCommand
{
    public static Command Create()
    {
        var game = new Option<string>("--game") { Description = "Loss: quadratic (Hessian from --hessian) or product (E = ½(1.5 - 2ab)², spec T1).", DefaultValueFactory = _ => "quadratic" };
        var hessian = new Option<string>("--hessian") { Description = "Diagonal of the quadratic's Hessian, comma-separated.", DefaultValueFactory = _ => "1,0.01" };
        var start = new Option<string>("--start") { Description = "Initial point, comma-separated.", DefaultValueFactory = _ => "-0.35,-0.2" };
        var lr = new Option<double>("--lr") { Description = "Learning rate h.", DefaultValueFactory = _ => 1.5 };
        var steps = ToyOptions.Steps(7);
        var substeps = new Option<int>("--substeps") { Description = "RK4 steps per GD step (non-quadratic losses).", DefaultValueFactory = _ => 200 };
        var outDir = ToyOptions.Out("outputs/pf");
        var cmd = new Command("pf", "Gradient descent and its principal flow: PF(n·lr) = GD iterate n on quadratics, for every lr.")
        { game, hessian, start, lr, steps, substeps, outDir };
        cmd.SetAction(r => CliErrors.Run(() => Run(r.GetValue(game)!, r.GetValue(hessian)!, r.GetValue(start)!, r.GetValue(lr),
            r.GetValue(steps), r.GetValue(substeps), r.GetValue(outDir)!)));
        return cmd;
    }

    public static IScalarLoss Loss(string name, string hessian) => name.Trim().ToLowerInvariant() switch
    {
        "quadratic" => QuadraticLoss.Parse(hessian),
        "product" => new ProductLoss(),
        _ => throw new ArgumentException($"--game: unknown loss '{name}' (known: quadratic, product); the principal flow is for single objectives"),
    };

    private static int Run(string gameName, string hessian, string startText, double lr, int steps, int substeps, string outDir)
    {
        var loss = Loss(gameName, hessian);
        var start = ToyOptions.ParseStart(startText, loss.Dim, null);
        if (substeps < 1) throw new ArgumentException($"--substeps must be at least 1 (got {substeps})");
        using var scope = torch.NewDisposeScope();
        var r = PrincipalFlowRun.Run(loss, lr, start, steps, substeps);
        Directory.CreateDirectory(outDir);
        var csv = Path.Combine(outDir, "pf.csv");
        var names = Enumerable.Range(1, loss.Dim);
        ToyOptions.WriteCsv(csv, ["step", .. names.Select(i => $"gd_{i}"), .. names.Select(i => $"pf_{i}")],
            Enumerable.Range(0, steps + 1).Select(n => new[] { n.ToString() }
                .Concat(r.Gd[n].Select(ToyOptions.F)).Concat(r.Pf[n].Select(c => ToyOptions.F(c.Real)))));
        var png = Path.Combine(outDir, "pf.png");
        PfPlot.Draw(r, loss.Name, lr).Save(png);
        double maxErr = Enumerable.Range(0, steps + 1).Max(n => r.Gd[n].Select((v, i) => Math.Abs(v - r.Pf[n][i].Real)).Max());
        Console.WriteLine($"{loss.Name}, lr {lr}: Hessian eigenvalues at the start {string.Join(", ", r.Eigenvalues.Select(e => e.ToString("G4")))}" +
            $" (lr·λ {string.Join(", ", r.Eigenvalues.Select(e => (lr * e).ToString("G4")))}); max |GD - PF| over the steps {maxErr:G3}" +
            (r.Exact ? " (closed form)" : $" (RK4, {substeps} substeps per step)"));
        Console.WriteLine($"wrote {csv} and {png}");
        return 0;
    }
}
