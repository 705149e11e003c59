using GameDrift.Regularisers;
using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Schemes;

namespace GameDrift.Tests.Analysis;

/// <summary>Spec T7 (the rotational table of §3.5) and T10/T11 (Dirac-GAN update Jacobians).</summary>
public class StabilityTableTests
{
    [Theory]
    [InlineData(0.09, 0.01838, 1.00216, -0.18162, 0.98200)]
    [InlineData(0.2, -0.208, 0.98061, -0.408, 0.96000)]
    public void RotationalGameTableT7(double eps, double simTrace, double simRho, double altTrace, double altRho)
    {
        const double h = 0.2;
        var game = new RotationalGame(eps, eps);
        var j = FieldJacobian.Of(game, new[] { 0.0, 0.0 });
        Assert.Equal(-eps, j[0, 0], 12);
        Assert.Equal(1.0, j[0, 1], 12);

        foreach (var form in new[] { DriftConvention.SingleClock, DriftConvention.Paper }) // equal at alpha = lambda
        {
            Assert.Equal(simTrace, ModifiedJacobians.Of(form, j, 1, SchemeKind.Simultaneous, 1, 1, h).Trace(), 5);
        }
        Assert.Equal(altTrace, ModifiedJacobians.SingleClock(j, 1, SchemeKind.Alternating, 1, 1, h).Trace(), 5);
        Assert.Equal(simRho, DiscreteMaps.AtEquilibrium(game, new SchemeInfo(SchemeKind.Simultaneous), h, h).Rho, 5);
        Assert.Equal(altRho, DiscreteMaps.AtEquilibrium(game, new SchemeInfo(SchemeKind.Alternating), h, h).Rho, 5);

        var simVerdict = Stability.OfFlow(ModifiedJacobians.SingleClock(j, 1, SchemeKind.Simultaneous, 1, 1, h));
        Assert.Equal(simTrace > 0 ? StabilityVerdict.Unstable : StabilityVerdict.Stable, simVerdict);
        Assert.Equal(StabilityVerdict.Stable, Stability.OfFlow(j)); // the original flow converges in both rows
    }

    [Fact]
    public void DiracJacobianAndSimultaneousEigenvaluesT10()
    {
        var j = FieldJacobian.Of(new DiracGan(), new[] { 0.0, 0.0 });
        Assert.Equal(new[] { 0.0, -0.5, 0.5, 0.0 }, new[] { j[0, 0], j[0, 1], j[1, 0], j[1, 1] });
        var eig = Stability.Eigenvalues(j).OrderBy(e => e.Imaginary).ToArray();
        Assert.Equal(-0.5, eig[0].Imaginary, 12);
        Assert.Equal(0.5, eig[1].Imaginary, 12);
        var wgan = Stability.Eigenvalues(FieldJacobian.Of(new DiracGan(DiracLoss.Wasserstein), new[] { 0.0, 0.0 }));
        Assert.All(wgan, e => Assert.Equal(1.0, Math.Abs(e.Imaginary), 12));

        var map = DiscreteMaps.Jacobian(new DiracGan(), new SchemeInfo(SchemeKind.Simultaneous), new[] { 0.0, 0.0 }, 0.1, 0.1);
        var mu = Stability.Eigenvalues(map).OrderBy(e => e.Imaginary).ToArray();
        Assert.Equal(1.0, mu[0].Real, 12);
        Assert.Equal(-0.05, mu[0].Imaginary, 12);
        Assert.Equal(1.0012492, mu[1].Magnitude, 7);
        Assert.Equal(StabilityVerdict.Unstable, Stability.OfMap(map));
    }

    [Theory]
    [InlineData(0.1, 1, 1)]
    [InlineData(3.9, 1, 1)]
    public void DiracAlternatingOnUnitCircleT11(double h, int genSteps, int discSteps)
    {
        var map = DiscreteMaps.Jacobian(new DiracGan(), new SchemeInfo(SchemeKind.Alternating, PhiSteps: discSteps, ThetaSteps: genSteps), new[] { 0.0, 0.0 }, h, h);
        Assert.All(Stability.Eigenvalues(map), e => Assert.Equal(1.0, e.Magnitude, 10));
        Assert.Equal(1.0, map.Determinant(), 12);
    }

    [Fact]
    public void DiracAlternatingLargeStepAndSeveralStepsT11()
    {
        var big = DiscreteMaps.Jacobian(new DiracGan(), new SchemeInfo(SchemeKind.Alternating), new[] { 0.0, 0.0 }, 4.1, 4.1);
        var mu = Stability.Eigenvalues(big).Select(e => e.Real).OrderBy(x => x).ToArray();
        Assert.Equal(-1.5625, mu[0], 10);
        Assert.Equal(-0.64, mu[1], 10);
        Assert.Equal(StabilityVerdict.Unstable, Stability.OfMap(big));

        foreach (bool discFirst in new[] { true, false }) // the order does not change the spectrum
        {
            var update = new SchemeInfo(SchemeKind.Alternating, First: discFirst ? PlayerRole.Phi : PlayerRole.Theta, PhiSteps: 3, ThetaSteps: 2);
            var eig = Stability.Eigenvalues(DiscreteMaps.Jacobian(new DiracGan(), update, new[] { 0.0, 0.0 }, 1, 1));
            Assert.All(eig, e => Assert.Equal(0.25, e.Real, 10));
            Assert.All(eig, e => Assert.Equal(0.9682458, Math.Abs(e.Imaginary), 6));
        }
    }

    [Fact]
    public void DiracModifiedJacobiansPredictTheLrRatioStory()
    {
        // §7.7: paper form (per-player) alternating trace = h c^2/2 (lambda - alpha); single clock trace 0.
        var j = FieldJacobian.Of(new DiracGan(), new[] { 0.0, 0.0 });
        const double h = 0.1, c = 0.5;
        foreach (var (alpha, lambda) in new[] { (1.0, 3.0), (2.0, 0.5), (1.0, 1.0) })
        {
            var paper = ModifiedJacobians.Paper(j, 1, SchemeKind.Alternating, alpha, lambda, h);
            Assert.Equal(h * c * c / 2 * (lambda - alpha), paper.Trace(), 12);
            var single = ModifiedJacobians.SingleClock(j, 1, SchemeKind.Alternating, alpha, lambda, h);
            Assert.Equal(0.0, single.Trace(), 12);
            Assert.Equal(StabilityVerdict.Neutral, Stability.OfFlow(single));
        }
        // simultaneous single clock: eigenvalues mu - h/2 mu^2 with Re = +h/2 b^2 > 0 (§3.5).
        var sim = ModifiedJacobians.SingleClock(j, 1, SchemeKind.Simultaneous, 1, 1, h);
        Assert.Equal(h / 2 * c * c, Stability.MaxRealPart(sim), 12);
    }
}
