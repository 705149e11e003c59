using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.Torch.optim;
using GameDrift.Transforms;

namespace GameDrift.Tests.ContinuousTime;

/// <summary>Spec §9.3 and T15: DAL and DAL-p learning rates, exact and finite-difference H g.</summary>
public class DalTests
{
    // E = ½ θᵀ diag(l) θ from θ0; one DAL step; the rate it took.
    private static double QuadraticRate(double[] diag, double[] start, double power, HvpMethod hvp, double maxLr = 5)
    {
        using var scope = torch.NewDisposeScope();
        var theta = torch.Tensor(start).RequiresGrad_();
        var a = torch.Tensor(diag);
        var opt = new DAL(new[] { theta }, power, maxLr, hvp, staticLr: 0.123);
        opt.Step(() => 0.5 * (a * theta.Square()).Sum());
        return opt.LastLearningRate;
    }

    [Theory]
    [InlineData(HvpMethod.Exact)]
    [InlineData(HvpMethod.FiniteDifference)]
    public void T15LearningRates(HvpMethod hvp)
    {
        // g parallel to u_1: v = λ_1.
        Assert.Equal(2, QuadraticRate([1, 0.01], [0.7, 0], 1, hvp), 10);
        Assert.Equal(2, QuadraticRate([1, 0.01], [0.7, 0], 2, hvp), 10);
        Assert.Equal(0.2, QuadraticRate([10, 0.01], [0.7, 0], 1, hvp), 10);
        Assert.Equal(0.02, QuadraticRate([10, 0.01], [0.7, 0], 2, hvp), 10);
        // 2/0.1 = 20 is clipped by max_lr_scale (default 5); p = 0 is the static rate.
        Assert.Equal(5, QuadraticRate([0.1, 0.01], [0.7, 0], 1, hvp), 12);
        Assert.Equal(0.123, QuadraticRate([10, 0.01], [0.7, 0], 0, hvp), 12);
    }

    [Fact]
    public void GeneralGradientUsesTheCurvatureAlongIt()
    {
        // g = (λ1 x, λ2 y): v = ‖Hg‖/‖g‖ = sqrt(λ1⁴x² + λ2⁴y²)/sqrt(λ1²x² + λ2²y²).
        double v = Math.Sqrt(16 * 0.09 + 1 * 0.16) / Math.Sqrt(4 * 0.09 + 1 * 0.16);
        Assert.Equal(2 / v, QuadraticRate([2, 1], [0.3, 0.4], 1, HvpMethod.Exact), 12);
        Assert.Equal(2 / v, QuadraticRate([2, 1], [0.3, 0.4], 1, HvpMethod.FiniteDifference), 9);
    }

    [Fact]
    public void FiniteDifferenceAgreesWithExactHvpOnANonQuadraticLoss()
    {
        // E = ½(1.5 - 2ab)² at (0.3, 1.2): the difference is O(0.01 ‖g‖ ‖∇³E‖), not roundoff.
        double Rate(HvpMethod m)
        {
            using var scope = torch.NewDisposeScope();
            var theta = torch.Tensor(0.3, 1.2).RequiresGrad_();
            var opt = new DAL(new[] { theta }, 1, 100, m);
            opt.Step(() => 0.5 * (1.5 - 2 * theta.Narrow(0, 0, 1) * theta.Narrow(0, 1, 1)).Square().Sum());
            return opt.LastLearningRate;
        }
        double exact = Rate(HvpMethod.Exact), fd = Rate(HvpMethod.FiniteDifference);
        Assert.InRange(Math.Abs(fd - exact) / exact, 1e-6, 1e-2);
    }

    [Theory]
    [InlineData(HvpMethod.Exact, 1e-12)]
    [InlineData(HvpMethod.FiniteDifference, 1e-2)]
    public void DalPlayersOnTheDiracGan(HvpMethod hvp, double tolerance)
    {
        // L1 = softplus(φθ) + log 2: ∂²L1/∂φ² = σ'θ², so the discriminator's v = σ'θ² and its rate min(2/v, 5);
        // L2 = -L1: ∂²L2/∂θ² = -σ'φ², |v| = σ'φ² (tiny here, so the generator is clipped at 5).
        using var scope = torch.NewDisposeScope();
        double x = 0.5, y = 2;
        var phi = torch.Tensor(x).RequiresGrad_();
        var theta = torch.Tensor(y).RequiresGrad_();
        var game = new DiracGan();
        var d = new DalPlayerOptimizer(OptimizerAdapter.Sgd(new[] { phi }, 0.01), 1, 5, hvp);
        var g = new DalPlayerOptimizer(OptimizerAdapter.Sgd(new[] { theta }, 0.01), 1, 5, hvp);
        new Simultaneous(game, Chain.Of(d), Chain.Of(g), BatchSource.None).Step();
        double s = 1 / (1 + Math.Exp(-x * y)), sp = s * (1 - s);
        double rateD = Math.Min(2 / (sp * y * y), 5);
        Assert.InRange(Math.Abs(d.EffectiveLearningRate - rateD) / rateD, 0, tolerance);
        Assert.Equal(5, g.EffectiveLearningRate);
        Assert.Equal(0.01, d.LearningRate); // the configured rate is left in place
        Assert.InRange(Math.Abs(phi.ToDouble() - (x - d.EffectiveLearningRate * s * y)), 0, 1e-12);
        Assert.InRange(Math.Abs(theta.ToDouble() - (y + 5 * s * x)), 0, 1e-12);
    }
}
