using System.CommandLine;
using GameDrift.Games.Mixture;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift mog</c>: the ring-of-Gaussians GAN, metrics.csv and mode-collapse scatter plots.</summary>
internal static class MogCommand
{
    public const int Diverged = 3;

    public static Command Create()
    {
        var d = new MogOptions();
        var scheme = new Option<string>("--scheme") { Description = "simultaneous, alternating (discriminator first) or rk4.", DefaultValueFactory = _ => d.Scheme };
        var optimizer = new Option<string>("--optimizer") { Description = "sgd (plain Euler steps) or adam.", DefaultValueFactory = _ => d.Optimizer };
        var lrD = new Option<double>("--lr-d") { Description = "Discriminator learning rate.", DefaultValueFactory = _ => d.LrD };
        var lrG = new Option<double>("--lr-g") { Description = "Generator learning rate.", DefaultValueFactory = _ => d.LrG };
        var steps = new Option<int>("--steps") { Description = "Number of updates.", DefaultValueFactory = _ => d.Steps };
        var reg = new Option<string?>("--reg") { Description = ToyOptions.RegHelp };
        var loss = new Option<string>("--loss") { Description = "GAN loss: saturating, non-saturating, hinge, wasserstein.", DefaultValueFactory = _ => d.Loss };
        var batch = new Option<int>("--batch") { Description = "Batch size (real samples and latents).", DefaultValueFactory = _ => d.Batch };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random draw.", DefaultValueFactory = _ => d.Seed };
        var hidden = new Option<int>("--hidden") { Description = "Hidden units per layer of both MLPs.", DefaultValueFactory = _ => d.Hidden };
        var layers = new Option<int>("--layers") { Description = "Hidden layers of both MLPs.", DefaultValueFactory = _ => d.Layers };
        var latent = new Option<int>("--latent-dim") { Description = "Latent dimension of the generator.", DefaultValueFactory = _ => d.LatentDim };
        var std = new Option<double>("--std") { Description = "Standard deviation of each of the ring's Gaussians (radius 2).", DefaultValueFactory = _ => d.Std };
        var evalSamples = new Option<int>("--eval-samples") { Description = "Generated samples per measurement.", DefaultValueFactory = _ => d.EvalSamples };
        var evalEvery = new Option<int>("--eval-every") { Description = "Steps between metric rows.", DefaultValueFactory = _ => d.EvalEvery };
        var snapshots = new Option<int>("--snapshots") { Description = "Number of scatter plots over the run.", DefaultValueFactory = _ => d.Snapshots };
        var outDir = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "outputs/mog" };
        var cmd = new Command("mog", "Train a GAN on a ring of 8 Gaussians and picture mode collapse.")
        { scheme, optimizer, lrD, lrG, steps, reg, loss, batch, seed, hidden, layers, latent, std, evalEvery, evalSamples, snapshots, outDir };
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            var o = d with
            {
                Scheme = r.GetValue(scheme)!.Trim().ToLowerInvariant(), Optimizer = r.GetValue(optimizer)!.Trim().ToLowerInvariant(),
                LrD = r.GetValue(lrD), LrG = r.GetValue(lrG), Steps = r.GetValue(steps), Regularisers = r.GetValue(reg),
                Loss = r.GetValue(loss)!, Batch = r.GetValue(batch), Seed = r.GetValue(seed), Hidden = r.GetValue(hidden),
                Layers = r.GetValue(layers), LatentDim = r.GetValue(latent), Std = r.GetValue(std), EvalSamples = r.GetValue(evalSamples), EvalEvery = r.GetValue(evalEvery), Snapshots = r.GetValue(snapshots),
            };
            // Sizes far past what an MLP on 2-d points needs would only exhaust memory (or take hours to fail).
            foreach (var (name, v) in new[] { ("--hidden", o.Hidden), ("--latent-dim", o.LatentDim), ("--layers", o.Layers) })
                if (v > 65536) throw new ArgumentException($"{name} is {v}, more than 65536");
            var dir = r.GetValue(outDir)!;
            var result = MogRun.Run(o, dir, Console.WriteLine);
            Console.WriteLine($"wrote {Path.Combine(dir, "metrics.csv")}, {Path.Combine(dir, "panel.png")} and {Path.Combine(dir, "samples")}/");
            if (!result.Diverged) return 0;
            Console.Error.WriteLine($"gamedrift: the run diverged at step {result.LastStep} (non-finite loss)");
            return Diverged;
        }));
        return cmd;
    }
}
