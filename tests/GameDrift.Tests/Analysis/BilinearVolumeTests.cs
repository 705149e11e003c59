using GameDrift.Analysis;
using GameDrift.Games.Toys;
using GameDrift.Games;

namespace GameDrift.Tests.Analysis;

/// <summary>Spec T4: the bilinear game's alternating map preserves volume; the single-clock field is divergence-free.</summary>
public class BilinearVolumeTests
{
    private static readonly (double Alpha, double Lambda, double H)[] Cases = { (1, 1, 0.1), (1, 3, 0.2), (2, 0.5, 0.05), (0.3, 5, 0.7) };

    [Fact]
    public void AlternatingMapHasDeterminantOne()
    {
        var games = new[] { new BilinearGame(), new BilinearGame(new[,] { { 0.7, -1.2, 0.3 }, { 1.5, 0.4, -0.8 } }) };
        foreach (var game in games)
            foreach (var (a, l, h) in Cases)
            {
                var z = Enumerable.Range(0, game.PhiDim + game.ThetaDim).Select(i => 0.3 * i - 0.4).ToArray();
                var det = DiscreteMaps.Jacobian(game, new SchemeInfo(SchemeKind.Alternating), z, a * h, l * h).Determinant();
                Assert.Equal(1.0, det, 12);
            }
    }

    [Fact]
    public void SimultaneousScalarMapDeterminant()
    {
        foreach (var (a, l, h) in Cases)
        {
            var det = DiscreteMaps.Jacobian(new BilinearGame(), new SchemeInfo(SchemeKind.Simultaneous), new[] { 0.5, -1.0 }, a * h, l * h).Determinant();
            Assert.Equal(1 + a * l * h * h, det, 12);
        }
    }

    [Fact]
    public void SingleClockAlternatingFieldIsDivergenceFreeButPaperFormIsNot()
    {
        var j = FieldJacobian.Of(new BilinearGame(), new[] { 0.0, 0.0 });
        foreach (var (a, l, h) in Cases)
        {
            Assert.Equal(0.0, ModifiedJacobians.SingleClock(j, 1, SchemeKind.Alternating, a, l, h).Trace(), 12);
            var paper = ModifiedJacobians.Paper(j, 1, SchemeKind.Alternating, a, l, h).Trace();
            Assert.Equal((l - a) * h / 2, paper, 12);
            // read on one clock (rows scaled by alpha, lambda): trace (alpha - lambda)^2 h / 2
            var oneClock = ModifiedJacobians.Scaling(2, 1, a, l) * ModifiedJacobians.Paper(j, 1, SchemeKind.Alternating, a, l, h);
            Assert.Equal((a - l) * (a - l) * h / 2, oneClock.Trace(), 12);
        }
    }

    [Fact]
    public void ModifiedJacobianFormulaMatchesAutogradOfModifiedField()
    {
        // Cross-check of §3.5's closed form against the Jacobian of the modified field itself, on a nonlinear game.
        var game = new DiracGan();
        foreach (var scheme in new[] { SchemeKind.Simultaneous, SchemeKind.Alternating })
        {
            const double ep = 0.3, et = 0.7;
            var j = FieldJacobian.Of(game, new[] { 0.0, 0.0 });
            using var a = GameDrift.Torch.torch.Scalar(ep, GameDrift.Torch.torch.float64);
            using var b = GameDrift.Torch.torch.Scalar(et, GameDrift.Torch.torch.float64);
            var single = FieldJacobian.OfMap(game, new[] { 0.0, 0.0 },
                (p, t) => ModifiedFields.SingleClock(game, scheme, p, t, a, b, createGraph: true));
            Assert.True((single - ModifiedJacobians.SingleClock(j, 1, scheme, ep, et, 1)).FrobeniusNorm() < 1e-14);
            var paper = FieldJacobian.OfMap(game, new[] { 0.0, 0.0 },
                (p, t) => ModifiedFields.Paper(game, scheme, p, t, a, b, createGraph: true));
            Assert.True((paper - ModifiedJacobians.Paper(j, 1, scheme, ep, et, 1)).FrobeniusNorm() < 1e-14);
        }
    }
}
