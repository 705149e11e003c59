using GameDrift.Analysis;
using GameDrift.Analysis.SingleObjective;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.ToyRuns;

namespace GameDrift.Tests.ContinuousTime;

/// <summary>Running Lyapunov exponents from the tangent map, and per-player sharpness of the toys.</summary>
public class LyapunovTests
{
    [Theory]
    [InlineData("dirac", SchemeKind.Simultaneous, null)]
    [InlineData("dirac", SchemeKind.Alternating, "cancel-interaction")]
    [InlineData("general-sum", SchemeKind.Simultaneous, null)]
    public void RunningEstimateEndsAtTheRunnersExponent(string name, SchemeKind scheme, string? reg)
    {
        var game = ToyGames.Create(name);
        var start = Enumerable.Repeat(0.8, game.PhiDim + game.ThetaDim).ToArray();
        var r = ToyRun.Run(game, scheme, 0.2, 0.1, 200, start, ToyRegularisation.Parse(reg), includeFlows: false);
        var trace = LyapunovTrace.Toy(game, new SchemeInfo(scheme), r.Trajectory.Select(x => x[1..]).ToArray(), 0.2, 0.1, ToyRegularisation.Parse(reg));
        Assert.True(double.IsNaN(trace[0]));
        Assert.Equal(r.Lyapunov, trace[^1], 10);
    }

    [Theory]
    [InlineData(1.5, 0.985)] // max(|1 - 1.5|, |1 - 0.015|)
    [InlineData(2.1, 1.1)]   // the stiff direction diverges: |1 - 2.1|
    public void GradientDescentOnAQuadraticTendsToLogOfTheLargestMultiplier(double h, double multiplier)
    {
        var trace = LyapunovTrace.GradientDescent(QuadraticLoss.Diagonal(1, 0.01), h, new[] { -0.35, -0.2 }, 3000);
        Assert.InRange(Math.Abs(trace[^1] - Math.Log(multiplier)), 0, 2e-3);
    }

    [Fact]
    public void DiracSharpnessIsTheOwnLossHessian()
    {
        // L1 = softplus(φθ) + log 2: ∂²L1/∂φ² = σ'θ²; L2 = -L1: ∂²L2/∂θ² = -σ'φ².
        double x = 0.4, y = -1.1, s = 1 / (1 + Math.Exp(-x * y)), sp = s * (1 - s);
        var (d, g) = ToySharpness.At(new DiracGan(), new[] { x, y });
        Assert.Equal(sp * y * y, d, 12);
        Assert.Equal(-sp * x * x, g, 12);
        var rows = ToySharpness.Along(new DiracGan(), new[] { new[] { x, y } }, 0.2, 0.4);
        Assert.Equal(sp * y * y * 0.1, rows[0][2], 12);
        Assert.Equal(-sp * x * x * 0.2, rows[0][3], 12);
    }
}
