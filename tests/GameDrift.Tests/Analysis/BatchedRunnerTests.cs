using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.ToyRuns;

namespace GameDrift.Tests.Analysis;

/// <summary>Batched toy runs equal single runs bit for bit; the backends agree; Lyapunov exponents and regimes.</summary>
public class BatchedRunnerTests
{
    private static ToyBatch Grid(int n, double[] start)
    {
        var etaPhi = new double[n];
        var etaTheta = new double[n];
        var starts = new double[n][];
        for (int i = 0; i < n; i++)
        {
            etaPhi[i] = 0.02 + 0.37 * i / n;
            etaTheta[i] = 0.05 + 0.61 * ((i * 7) % n) / n;
            starts[i] = start.Select((x, k) => x + 0.01 * ((i + k) % 5)).ToArray();
        }
        return new ToyBatch(etaPhi, etaTheta, starts);
    }

    public static TheoryData<string, ToyBackend, SchemeKind, bool> Cases() => new()
    {
        { "dirac", ToyBackend.ClosedForm, SchemeKind.Simultaneous, false },
        { "dirac", ToyBackend.ClosedForm, SchemeKind.Alternating, false },
        { "dirac", ToyBackend.Tensor, SchemeKind.Simultaneous, false },
        { "dirac", ToyBackend.Tensor, SchemeKind.Alternating, true },
        { "bilinear", ToyBackend.Tensor, SchemeKind.Alternating, false },
        { "general-sum", ToyBackend.Tensor, SchemeKind.Simultaneous, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BatchedEqualsSingleRunsBitForBit(string name, ToyBackend backend, SchemeKind scheme, bool regularised)
    {
        var game = ToyGames.Create(name);
        var start = name == "general-sum" ? GeneralSumGame.Start : new[] { 1.0, 1.0 };
        var batch = Grid(37, start); // more rows than a SIMD block, so vectorised kernels are exercised
        var reg = regularised ? DriftRegulariser.CancelInteraction(DriftConvention.SingleClock) : null;
        var all = BatchedToyRunner.Run(game, new SchemeInfo(scheme), batch, 40, reg, backend: backend);
        foreach (int i in new[] { 0, 5, 17, 36 })
        {
            var one = BatchedToyRunner.Run(game, new SchemeInfo(scheme), ToyBatch.Single(batch.EtaPhi[i], batch.EtaTheta[i], batch.Starts[i]),
                40, reg, backend: backend);
            Assert.Equal(one.Final[0], all.Final[i]); // exact double equality
            Assert.Equal(one.Lyapunov[0], all.Lyapunov[i]);
            Assert.Equal(one.LateMax[0], all.LateMax[i]);
        }
    }

    /// <summary>Regularised, the tensor path takes R1/R2 from the training penalties on the linear discriminator and CO from
    /// the evaluation's terms; the Lyapunov exponents check that its tangents see them too.</summary>
    [Theory]
    [InlineData("dirac", SchemeKind.Simultaneous, null)]
    [InlineData("dirac-ns", SchemeKind.Alternating, null)]
    [InlineData("dirac-wgan", SchemeKind.Alternating, null)]
    [InlineData("rotational", SchemeKind.Simultaneous, null)]
    [InlineData("dirac", SchemeKind.Alternating, "r1=0.3")]
    [InlineData("dirac", SchemeKind.Simultaneous, "r2=0.5,co=0.2")]
    [InlineData("dirac-wgan", SchemeKind.Alternating, "r1=0.1,sga=0.3")]
    public void ClosedFormAgreesWithTensorPath(string name, SchemeKind scheme, string? spec)
    {
        var game = ToyGames.Create(name);
        var batch = Grid(9, new[] { 1.0, -0.5 });
        var reg = ToyRegularisation.Parse(spec);
        var a = BatchedToyRunner.Run(game, new SchemeInfo(scheme), batch, 60, reg, backend: ToyBackend.ClosedForm);
        var b = BatchedToyRunner.Run(game, new SchemeInfo(scheme), batch, 60, reg, backend: ToyBackend.Tensor);
        for (int i = 0; i < batch.Count; i++)
        {
            for (int k = 0; k < 2; k++) Assert.Equal(b.Final[i][k], a.Final[i][k], 12);
            Assert.Equal(b.Lyapunov[i], a.Lyapunov[i], 12);
        }
    }

    [Fact]
    public void DiracSimultaneousNormIdentityEveryStepT10()
    {
        const double h = 0.1;
        var run = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Simultaneous), ToyBatch.Single(h, h, new[] { -1.0, 1.0 }), 200,
            recordTrajectory: true);
        for (int n = 0; n < 200; n++)
        {
            var z = run.Trajectory![n][0];
            var next = run.Trajectory[n + 1][0];
            double s = 1 / (1 + Math.Exp(-z[0] * z[1]));
            double expected = (1 + h * h * s * s) * (z[0] * z[0] + z[1] * z[1]);
            Assert.Equal(expected, next[0] * next[0] + next[1] * next[1], 12);
        }
        var longRun = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Simultaneous), ToyBatch.Single(h, h, new[] { -1.0, 1.0 }), 20000);
        Assert.Equal(4.24, longRun.FinalDistance[0], 2);
        Assert.Equal(ToyRegime.Diverged, longRun.Regime(0));
    }

    [Fact]
    public void DiracAlternatingStaysBoundedForEveryRatioT11()
    {
        var pairs = new[] { (0.1, 0.1), (0.1, 0.3), (0.3, 0.1), (0.05, 0.2), (0.2, 0.05) }; // (h_g, h_d)
        var batch = new ToyBatch(pairs.Select(p => p.Item2).ToArray(), pairs.Select(p => p.Item1).ToArray(),
            pairs.Select(_ => new[] { -1.0, 1.0 }).ToArray());
        foreach (bool discFirst in new[] { true, false })
        {
            var run = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Alternating, First: discFirst ? PlayerRole.Phi : PlayerRole.Theta),
                batch, 20000, recordTrajectory: true);
            for (int i = 0; i < pairs.Length; i++)
            {
                var norms = run.Trajectory!.Select(t => Math.Sqrt(t[i][0] * t[i][0] + t[i][1] * t[i][1])).ToArray();
                // The spec quotes [1.1, 2.2]; discriminator first at h_d/h_g = 4 the orbit reaches 2.275 (an ellipse
                // with axis ratio about 2 through the start), so the upper bound here is 2.3.
                Assert.InRange(norms.Min(), 1.1, 2.3);
                Assert.InRange(norms.Max(), 1.1, 2.3);
                Assert.Equal(ToyRegime.Cycling, run.Regime(i));
            }
        }
    }

    [Theory]
    [InlineData(SchemeKind.Simultaneous, 0.98061)]
    [InlineData(SchemeKind.Alternating, 0.96000)]
    public void LyapunovOfContractingLinearMapIsLogSpectralRadius(SchemeKind scheme, double rho)
    {
        var run = BatchedToyRunner.Run(new RotationalGame(0.2, 0.2), new SchemeInfo(scheme), ToyBatch.Single(0.2, 0.2, new[] { 1.0, 1.0 }), 4000);
        Assert.Equal(Math.Log(rho), run.Lyapunov[0], 3);
        Assert.Equal(ToyRegime.Converged, run.Regime(0));
    }

    [Fact]
    public void ExpandingLinearMapDivergesWithPositiveExponent()
    {
        var run = BatchedToyRunner.Run(new RotationalGame(0.09, 0.09), new SchemeInfo(SchemeKind.Simultaneous), ToyBatch.Single(0.2, 0.2, new[] { 1.0, 1.0 }), 4000);
        Assert.Equal(Math.Log(1.0021597), run.Lyapunov[0], 4);
        Assert.Equal(ToyRegime.Diverged, run.Regime(0));
    }

    [Fact]
    public void ClassifierRule()
    {
        Assert.Equal(ToyRegime.Diverged, RegimeClassifier.Classify(1, 2, double.PositiveInfinity, double.PositiveInfinity, 0.1, 1000));
        Assert.Equal(ToyRegime.Diverged, RegimeClassifier.Classify(1, 1.5, 1.7, 1.7, 0, 1000)); // still growing
        Assert.Equal(ToyRegime.Diverged, RegimeClassifier.Classify(1, 4.5, 4.5, 4.4, 0, 1000)); // grew to a large orbit
        Assert.Equal(ToyRegime.Converged, RegimeClassifier.Classify(1, 1, 0.1, 1e-4, -0.01, 1000));
        Assert.Equal(ToyRegime.Cycling, RegimeClassifier.Classify(1, 2.2, 2.2, 1.3, 0.015, 1000)); // shear: ln N / N
        Assert.Equal(ToyRegime.Chaotic, RegimeClassifier.Classify(1, 1.3, 1.3, 0.8, 0.2, 1000));
        Assert.Equal(ToyRegime.Chaotic, RegimeClassifier.Classify(double.NaN, double.NaN, double.NaN, double.NaN, 0.2, 1000));
    }

    [Fact]
    public void BadInputIsAClearError()
    {
        var game = new DiracGan();
        var ex = Assert.Throws<ArgumentException>(() => BatchedToyRunner.Run(game, new SchemeInfo(SchemeKind.Simultaneous), ToyBatch.Single(-0.1, 0.1, new[] { 1.0, 1.0 }), 10));
        Assert.Contains("learning rate", ex.Message);
        Assert.Throws<ArgumentException>(() => BatchedToyRunner.Run(game, new SchemeInfo(SchemeKind.Simultaneous), ToyBatch.Single(0.1, 0.1, new[] { 1.0 }), 10));
        Assert.Throws<ArgumentException>(() => BatchedToyRunner.Run(game, new SchemeInfo(SchemeKind.Simultaneous), ToyBatch.Single(0.1, 0.1, new[] { 1.0, 1.0 }), 0));
        Assert.Throws<ArgumentException>(() => BatchedToyRunner.Run(new GeneralSumGame(), new SchemeInfo(SchemeKind.Simultaneous),
            ToyBatch.Single(0.1, 0.1, GeneralSumGame.Start), 10, backend: ToyBackend.ClosedForm));
    }
}
