using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Torch;

namespace GameDrift.Tests.TestGames;

/// <summary>The code's Dirac-GAN (spec §7.7) built with <see cref="GanGame"/>: D(x) = phi x, G(z) = theta, data at 0.</summary>
public static class DiracGan
{
    public static (GanGame Game, Tensor Phi, Tensor Theta) Create(double phi, double theta, GanLoss? loss = null)
    {
        var p = torch.Tensor(new[] { phi }).RequiresGrad_();
        var t = torch.Tensor(new[] { theta }).RequiresGrad_();
        var game = new GanGame(x => x * p, new[] { p }, z => z * 0.0 + t, new[] { t }, loss ?? GanLoss.Saturating);
        return (game, p, t);
    }

    /// <summary>A batch of n samples of the data (all 0) and n latents.</summary>
    public static IBatchSource Batches(int n = 4) => new BatchSource(() => new GameBatch(torch.Zeros(new long[] { n, 1 }, ScalarType.Float64, null, false),
        torch.Zeros(new long[] { n, 1 }, ScalarType.Float64, null, false)));

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
