using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Games;
using GameDrift.Tests.TestGames;
using GameDrift.Transforms;
using static GameDrift.Tests.TestGames.T3Game;

namespace GameDrift.Tests.Regularisers;

/// <summary>Spec T6 (§5.1): with alpha != lambda, one simultaneous SGD step with cancel-interaction matches the
/// self-terms-only single-clock flow to O(h^3) with the single-clock coefficients, but only O(h^2) with the paper's.</summary>
public class T6OrderTests
{
    private const double Alpha = 1, Lambda = 3;
    private static readonly double[] Hs = { 0.04, 0.02, 0.01, 0.005 };

    // Self-terms-only single-clock flow (§3.3 without the interaction terms):
    // phi' = alpha [f - h/2 alpha f_phi f], theta' = lambda [g - h/2 lambda g_theta g], with f_phi f = H grad L1.
    private static double[] Flow(double[] z, double h)
    {
        double[] p = { z[0], z[1] }, t = { z[2], z[3] };
        var g1 = GradPhiL1(p, t);
        var g2 = GradThetaL2(p, t);
        var dp = Scale(-Alpha, Add(g1, Scale(h / 2 * Alpha, MatVec(HessPhiL1(p, t), g1))));
        var dt = Scale(-Lambda, Add(g2, Scale(h / 2 * Lambda, MatVec(HessThetaL2(p, t), g2))));
        return dp.Concat(dt).ToArray();
    }

    private static double[] IntegrateRk4(double[] z, double h, int substeps = 1000)
    {
        var dt = h / substeps;
        for (var i = 0; i < substeps; i++)
        {
            var k1 = Flow(z, h);
            var k2 = Flow(Add(z, Scale(dt / 2, k1)), h);
            var k3 = Flow(Add(z, Scale(dt / 2, k2)), h);
            var k4 = Flow(Add(z, Scale(dt, k3)), h);
            z = Add(z, Scale(dt / 6, Add(Add(k1, Scale(2, k2)), Add(Scale(2, k3), k4))));
        }
        return z;
    }

    private static double OneStepError(DriftConvention convention, double h)
    {
        var game = AtZ0();
        IRegulariser[] regs = [DriftRegulariser.CancelInteraction(convention, TermEstimator.SameBatch)];
        new Simultaneous(game, Chain.Of(regs, OptimizerAdapter.Sgd(game.Phi, Alpha * h)),
            Chain.Of(regs, OptimizerAdapter.Sgd(game.Theta, Lambda * h)), BatchSource.None).Step();
        var step = game.PhiValue.Concat(game.ThetaValue).ToArray();
        var flow = IntegrateRk4(Z0, h);
        return Math.Sqrt(step.Zip(flow, (a, b) => (a - b) * (a - b)).Sum());
    }

    [Fact]
    public void SingleClockCancellationIsThirdOrderPaperIsSecond()
    {
        var single = Approx.Slope(Hs, Hs.Select(h => OneStepError(DriftConvention.SingleClock, h)).ToArray());
        var paper = Approx.Slope(Hs, Hs.Select(h => OneStepError(DriftConvention.Paper, h)).ToArray());
        Assert.InRange(single, 2.85, 3.15);
        Assert.InRange(paper, 1.85, 2.15);
    }
}
