using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Schemes;
using GameDrift.Torch;

namespace GameDrift.Tests.Analysis;

/// <summary>Spec T1 (IGR slopes and constants) and T3 (two-player local slopes).</summary>
public class LocalOrderTests
{
    /// <summary>Gradient descent on E(a, b) = ½(y - abx)² as the degenerate common-payoff game L1 = L2 = E:
    /// simultaneous Euler with alpha = lambda = 1 is GD, and the single-clock modified flow is the IGR flow.</summary>
    private sealed class IgrModel : IDifferentiableToyGame
    {
        private const double X = 2, Y = 1.5;
        public string Name => "igr-model";
        public int PhiDim => 1;
        public int ThetaDim => 1;
        public double[]? Equilibrium => null;

        public (Tensor L1, Tensor L2) Losses(Tensor phi, Tensor theta)
        {
            var e = (0.5 * (Y - phi * theta * X).Square()).Sum(-1);
            return (e, e.Alias());
        }

        public (Tensor F, Tensor G) Field(Tensor phi, Tensor theta)
        {
            using var r = Y - phi * theta * X; // dE/da = -r b x, dE/db = -r a x
            return (r * theta * X, r * phi * X);
        }
    }

    private static readonly double[] Start = { 0.3, 1.2 };

    [Fact]
    public void IgrSlopesT1()
    {
        var hs = new[] { 0.1, 0.05, 0.025, 0.0125, 0.00625 };
        var gf = LocalErrorOrder.Fit(new IgrModel(), SchemeKind.Simultaneous, FlowKind.Original, Start, 1, 1, hs);
        var mf = LocalErrorOrder.Fit(new IgrModel(), SchemeKind.Simultaneous, FlowKind.ModifiedSingleClock, Start, 1, 1, hs);
        Assert.InRange(gf.Slope, 1.9, 2.1);
        Assert.InRange(mf.Slope, 2.9, 3.1);
        Assert.Equal(4.680e-2, gf.Errors[0], 4);
        Assert.Equal(2.324e-3, mf.Errors[1], 5);
    }

    [Fact]
    public void IgrLeadingConstantsT1()
    {
        const double h = 1e-3;
        var gf = LocalErrorOrder.Fit(new IgrModel(), SchemeKind.Simultaneous, FlowKind.Original, Start, 1, 1, new[] { h, h / 2 }, 20);
        var mf = LocalErrorOrder.Fit(new IgrModel(), SchemeKind.Simultaneous, FlowKind.ModifiedSingleClock, Start, 1, 1, new[] { h, h / 2 }, 20);
        Assert.InRange(gf.Errors[0] / (h * h), 5.3634 * 0.99, 5.3634 * 1.01);
        Assert.InRange(mf.Errors[0] / (h * h * h), 19.485 * 0.99, 19.485 * 1.01);
    }

    public static TheoryData<SchemeKind, double, double> T3Cases()
    {
        var data = new TheoryData<SchemeKind, double, double>();
        foreach (var s in new[] { SchemeKind.Simultaneous, SchemeKind.Alternating })
            foreach (var (a, l) in new[] { (1.0, 1.0), (1.0, 3.0), (2.0, 0.5) })
                data.Add(s, a, l);
        return data;
    }

    [Theory]
    [MemberData(nameof(T3Cases))]
    public void TwoPlayerLocalSlopesT3(SchemeKind scheme, double alpha, double lambda)
    {
        var hs = new[] { 0.04, 0.02, 0.01, 0.005 };
        var game = new GeneralSumGame();
        double Slope(FlowKind k) => LocalErrorOrder.Fit(game, scheme, k, GeneralSumGame.Start, alpha, lambda, hs, 8).Slope;
        Assert.InRange(Slope(FlowKind.Original), 1.9, 2.1);
        Assert.InRange(Slope(FlowKind.ModifiedSingleClock), 2.9, 3.1);
        Assert.InRange(Slope(FlowKind.ModifiedPaper), 2.85, 3.1);
    }

    [Fact]
    public void PaperFormOnOneClockIsOnlyFirstOrderLocallyWhenRatesDiffer()
    {
        // §3.3: read on one clock with alpha != lambda, the paper form is no better than the original flow.
        var hs = new[] { 0.04, 0.02, 0.01, 0.005 };
        var fit = LocalErrorOrder.Fit(new GeneralSumGame(), SchemeKind.Simultaneous, FlowKind.ModifiedPaperOneClock,
            GeneralSumGame.Start, 1, 3, hs, 20);
        Assert.InRange(fit.Slope, 1.9, 2.1);
    }

    /// <summary>The built-in toys write their fields out (a fast path); each is its losses' gradients.</summary>
    [Fact]
    public void WrittenOutFieldIsMinusTheLossGradients()
    {
        foreach (var game in new IDifferentiableToyGame[] { new GeneralSumGame(), new DiracGan(), new DiracGan(DiracLoss.NonSaturating),
                     new DiracGan(DiracLoss.Wasserstein), new BilinearGame(new[,] { { 0.7, -1.2 }, { 1.5, 0.4 } }),
                     new InstanceNoiseDiracGan(0.6), new InstanceNoiseDiracGan(0.6, DiracLoss.NonSaturating) })
        {
            using var scope = torch.NewDisposeScope();
            var z = torch.Tensor(new[] { 0.5, -0.3, 0.4, 0.2, -1.1, 0.9, 0.2, 0.6 }, new long[] { 2, 4 })
                .Narrow(1, 0, game.PhiDim + game.ThetaDim);
            var (p, t) = JointState.Split(game, z);
            var phi = Autodiff.Leaf(p);
            var theta = Autodiff.Leaf(t);
            var (l1, l2) = game.Losses(phi, theta);
            Assert.Equal(new long[] { 2 }, l1.Shape);
            var d1 = Autograd.Grad(l1.Sum(), new[] { phi }, retainGraph: true)[0]!;
            var d2 = Autograd.Grad(l2.Sum(), new[] { theta })[0]!;
            var (f, g) = game.Field(phi, theta);
            Assert.True((f + d1).Abs().Max().ToDouble() < 1e-14, game.Name);
            Assert.True((g + d2).Abs().Max().ToDouble() < 1e-14, game.Name);
        }
    }
}
