using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Losses;
using GameDrift.Torch;
using ToyDirac = GameDrift.Games.Toys.DiracGan;

namespace GameDrift.Tests.TestGames;

/// <summary>The library's Dirac-GAN as a GAN of the training path (<see cref="ToyDirac.AsGan"/>: D(x) = phi x,
/// G(z) = theta, data at 0), at a given point, with the tensors of its two parameters.</summary>
public static class DiracGan
{
    public static (GanGame Game, Tensor Phi, Tensor Theta) Create(double phi, double theta, GanLoss? loss = null)
    {
        var p = torch.Tensor(new[] { phi }).RequiresGrad_();
        var t = torch.Tensor(new[] { theta }).RequiresGrad_();
        var kind = loss is null || loss == GanLoss.Saturating ? DiracLoss.Standard
            : loss == GanLoss.NonSaturating ? DiracLoss.NonSaturating
            : loss == GanLoss.Wasserstein ? DiracLoss.Wasserstein
            : throw new ArgumentException("the Dirac-GAN has the saturating, non-saturating and Wasserstein losses");
        return (new ToyDirac(kind).AsGan(p, t), p, t);
    }

    /// <summary>A batch of n samples of the data (all 0) and n latents.</summary>
    public static IBatchSource Batches(int n = 4) => ToyDirac.DataBatches(n);

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
