using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Torch;

namespace GameDrift.Tests.TestGames;

/// <summary>A 1-D GAN small enough to differentiate by hand: D(x) = phi0 x + phi1 x^2, G(z) = theta0 + theta1 z.</summary>
public static class SmallGan
{
    public static readonly double[] Real = { 0.3, -0.7, 1.1, 0.4 }, Latents = { 0.5, -1.0, 0.2, 0.9 };

    public static GanGame Create(double[] phi, double[] theta, GanLoss loss)
    {
        var p = torch.Tensor(phi).RequiresGrad_();
        var t = torch.Tensor(theta).RequiresGrad_();
        return new GanGame(x => x * p[0] + x.Square() * p[1], new[] { p }, z => z * t[1] + t[0], new[] { t }, loss);
    }

    public static GameBatch Batch() => new(torch.Tensor(Real).Reshape(4, 1), torch.Tensor(Latents).Reshape(4, 1));

    public static double InputGradient(double[] phi, double x) => phi[0] + 2 * phi[1] * x;
    public static double Fake(double[] theta, double z) => theta[0] + theta[1] * z;
}
