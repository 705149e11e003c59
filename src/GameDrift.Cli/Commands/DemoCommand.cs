using System.CommandLine;
using System.Diagnostics;
using GameDrift.Torch;

namespace GameDrift.Cli.Commands;

/// <summary>The README's main job: a short tour of the engine (double backpropagation on the Dirac-GAN).</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var cmd = new Command("demo", "Run the main demonstration.");
        cmd.SetAction(_ => Run());
        return cmd;
    }

    private static int Run()
    {
        Console.WriteLine($"libtorch {torch.Version}, {torch.NumThreads} threads, CUDA available: {torch.cuda.IsAvailable()}");
        // Dirac-GAN (spec §7.7): D(x) = phi*x, G = theta, data at 0; E = log(sigmoid(0)) + log(1 - sigmoid(phi*theta)).
        using var phi = torch.Tensor(1.0).RequiresGrad_();
        using var theta = torch.Tensor(1.0).RequiresGrad_();
        var sw = Stopwatch.StartNew();
        for (var step = 0; step <= 200; step++)
        {
            using var scope = torch.NewDisposeScope();
            var e = -(phi * theta).Softplus().Sum();
            var g = Autograd.Grad(e, new[] { phi, theta }, createGraph: true);
            // Interaction drift of the simultaneous scheme (zero-sum): each player's gradient-norm penalty on the other.
            var gradNormTheta = g[1]!.Square().Sum();
            var gradNormPhi = g[0]!.Square().Sum();
            var dPhi = Autograd.Grad(gradNormTheta, new[] { phi }, retainGraph: true)[0]!;
            var dTheta = Autograd.Grad(gradNormPhi, new[] { theta })[0]!;
            if (step % 50 == 0)
                Console.WriteLine($"step {step,3}: phi={phi.ToDouble(),8:F4} theta={theta.ToDouble(),8:F4} " +
                                  $"|grad_theta E|^2={gradNormTheta.ToDouble():F5}  d/dphi={dPhi.ToDouble(),8:F5} d/dtheta={dTheta.ToDouble(),8:F5}");
            const double h = 0.1;
            using (torch.NoGrad())
            {
                // Simultaneous SGD with the interaction terms cancelled (L1 += h/4 |grad_theta E|^2, L2 += h/4 |grad_phi E|^2).
                phi.Sub_(-g[0]! * h + dPhi * (h * h / 4));
                theta.Sub_(g[1]! * h + dTheta * (h * h / 4));
            }
        }
        Console.WriteLine($"done in {sw.ElapsedMilliseconds} ms");
        return 0;
    }
}
