using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Tests.TestGames;
using GameDrift.Transforms;
using static GameDrift.Tests.TestGames.T3Game;

namespace GameDrift.Tests.Regularisers;

/// <summary>Single-clock drift coefficients for k1 discriminator and k2 generator steps per alternating iteration: with
/// both drift terms cancelled (self and interaction), one iteration of SGD follows the unmodified flow of
/// (k1 alpha h f, k2 lambda h g) over unit time to O(h^3); unregularised, or with the code's coefficients, only to O(h^2).</summary>
public class MultiStepOrderTests
{
    private const double Alpha = 1, Lambda = 3;
    private static readonly double[] Hs = { 0.02, 0.01, 0.005, 0.0025 };

    private static double[] Field(double[] z, double h, int k1, int k2)
    {
        double[] p = { z[0], z[1] }, t = { z[2], z[3] };
        return Scale(-k1 * Alpha * h, GradPhiL1(p, t)).Concat(Scale(-k2 * Lambda * h, GradThetaL2(p, t))).ToArray();
    }

    private static double[] Flow(double h, int k1, int k2, int substeps = 400)
    {
        var z = (double[])Z0.Clone();
        var dt = 1.0 / substeps;
        for (var i = 0; i < substeps; i++)
        {
            var a = Field(z, h, k1, k2);
            var b = Field(Add(z, Scale(dt / 2, a)), h, k1, k2);
            var c = Field(Add(z, Scale(dt / 2, b)), h, k1, k2);
            var d = Field(Add(z, Scale(dt, c)), h, k1, k2);
            z = Add(z, Scale(dt / 6, Add(Add(a, Scale(2, b)), Add(Scale(2, c), d))));
        }
        return z;
    }

    private static double Error(DriftConvention? convention, double h, int k1, int k2)
    {
        var game = AtZ0();
        var regs = convention is null ? Array.Empty<IRegulariser>()
            : new IRegulariser[] { new DriftRegulariser(-1, -1, convention.Value, TermEstimator.SameBatch) };
        new Alternating(game, Chain.Of(regs, OptimizerAdapter.Sgd(game.Phi, Alpha * h)),
            Chain.Of(regs, OptimizerAdapter.Sgd(game.Theta, Lambda * h)), BatchSource.None, PlayerRole.Phi, k1, k2).Step();
        var z = game.PhiValue.Concat(game.ThetaValue).ToArray();
        var flow = Flow(h, k1, k2);
        return Math.Sqrt(z.Zip(flow, (a, b) => (a - b) * (a - b)).Sum());
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    public void CancellingBothTermsWithSingleClockCoefficientsIsThirdOrder(int k1, int k2)
    {
        double Slope(DriftConvention? c) => Approx.Slope(Hs, Hs.Select(h => Error(c, h, k1, k2)).ToArray());
        Assert.InRange(Slope(DriftConvention.SingleClock), 2.85, 3.15);
        Assert.InRange(Slope(null), 1.85, 2.15);
        Assert.InRange(Slope(DriftConvention.Paper), 1.85, 2.15);
    }
}
