using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.ToyRuns;

namespace GameDrift.Tests.Analysis;

/// <summary>The pure functions the command line calls: ToyRun, ToySweep, DriftOrder, the range parser.</summary>
public class ToyFunctionTests
{
    [Fact]
    public void RangeParser()
    {
        var r = LogRange.Parse("0.01:4:40");
        Assert.Equal(40, r.Values().Length);
        Assert.Equal(0.01, r.Values()[0]);
        Assert.Equal(4, r.Values()[^1]);
        var v = LogRange.Parse("1:100:3").Values();
        Assert.Equal(10, v[1], 12);
        Assert.Equal(new[] { 2.0 }, LogRange.Parse("2:2:1").Values());
        Assert.Equal(new[] { 8.0, 4, 2, 1 }, LogRange.Parse("8:1:4").Values().Select(x => Math.Round(x, 12)));

        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => LogRange.Parse("")).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => LogRange.Parse("0.1:1:0")).Message);
        Assert.Contains("START:STOP:COUNT", Assert.Throws<ArgumentException>(() => LogRange.Parse("0.1:1")).Message);
        Assert.Contains("not a number", Assert.Throws<ArgumentException>(() => LogRange.Parse("a:1:3")).Message);
        Assert.Contains("not an integer", Assert.Throws<ArgumentException>(() => LogRange.Parse("0.1:1:2.5")).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => LogRange.Parse("-0.1:1:3")).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => LogRange.Parse("0:1:3")).Message);
        Assert.Contains("START = STOP", Assert.Throws<ArgumentException>(() => LogRange.Parse("0.1:1:1")).Message);
    }

    [Fact]
    public void ToyRunRowsAndFlows()
    {
        var result = ToyRun.Run(new DiracGan(), SchemeKind.Alternating, 0.1, 0.2, 30, new[] { 1.0, 1.0 });
        Assert.Equal(new[] { "step", "phi", "theta" }, result.Columns);
        Assert.Equal(31, result.Trajectory.Length);
        Assert.Equal(new[] { 0.0, 1.0, 1.0 }, result.Trajectory[0]);
        // step 1 by hand: phi -= 0.1 s(1) * 1, then theta += 0.2 s(phi1 * 1) phi1
        double s = 1 / (1 + Math.Exp(-1.0)), phi1 = 1 - 0.1 * s, s1 = 1 / (1 + Math.Exp(-phi1));
        Assert.Equal(phi1, result.Trajectory[1][1], 15);
        Assert.Equal(1 + 0.2 * s1 * phi1, result.Trajectory[1][2], 15);
        Assert.Equal(4, result.Flows.Count);
        // The single-clock modified flow tracks the iterates better than the original flow.
        double Err(string k) => Math.Sqrt(result.Flows[k][30].Zip(result.Trajectory[30]).Sum(p => (p.First - p.Second) * (p.First - p.Second)));
        Assert.True(Err("modified-single-clock") < Err("original") / 5, $"{Err("modified-single-clock")} vs {Err("original")}");
        Assert.Equal(ToyRun.Columns(new BilinearGame(new double[2, 3])), new[] { "step", "phi_0", "phi_1", "theta_0", "theta_1", "theta_2" });
    }

    [Fact]
    public void ToyRunRejectsBadInput()
    {
        Assert.Contains("discriminator learning rate", Assert.Throws<ArgumentException>(() =>
            ToyRun.Run(new DiracGan(), SchemeKind.Simultaneous, -0.1, 0.1, 10, new[] { 1.0, 1.0 })).Message);
        Assert.Contains("generator learning rate", Assert.Throws<ArgumentException>(() =>
            ToyRun.Run(new DiracGan(), SchemeKind.Simultaneous, 0.1, double.NaN, 10, new[] { 1.0, 1.0 })).Message);
        Assert.Contains("unknown scheme", Assert.Throws<ArgumentException>(() => DiscreteMaps.RequireEuler(SchemeFactory.Parse("leapfrog"))).Message);
        Assert.Contains("toy maps take simultaneous or alternating", Assert.Throws<ArgumentException>(() => DiscreteMaps.RequireEuler(SchemeFactory.Parse("rk4"))).Message);
        Assert.Equal(SchemeKind.Alternating, DiscreteMaps.RequireEuler(SchemeFactory.Parse("alt")));
        Assert.Contains("unknown toy game", Assert.Throws<ArgumentException>(() => ToyGames.Create("mog")).Message);
        Assert.Contains("no known equilibrium", Assert.Throws<ArgumentException>(() => ToySweep.Run(new GeneralSumGame(),
            SchemeKind.Simultaneous, LogRange.Parse("0.1:1:2"), LogRange.Parse("1:2:2"), 10, GeneralSumGame.Start)).Message);
    }

    [Fact]
    public void DiracSweepAgreesWithPredictions()
    {
        // Alternating Dirac: the exact map cycles for sqrt(lr_d lr_g)/2 <= 2 and diverges beyond; the single-clock
        // prediction says neutral then unstable at the same boundary; the paper form says stable iff lr_d > lr_g.
        var result = ToySweep.Run(new DiracGan(), SchemeKind.Alternating, LogRange.Parse("0.05:8:5"), LogRange.Parse("0.5:2:3"), 4000,
            new[] { 1.0, 1.0 }, boundaryResolution: 40);
        Assert.Equal(15, result.Rows.Count);
        foreach (var row in result.Rows)
        {
            bool small = Math.Sqrt(row.LrD * row.LrG) * 0.5 < 2;
            Assert.Equal(small ? "neutral" : "unstable", row.PredictedSingleClock);
            // No ratio makes unregularised alternating GD converge (§7.7). At the spec's step sizes (<= 0.3) the orbit is
            // a bounded cycle; at lr 0.63 the nonlinear map already drifts outward (diverged by the rule), so only small steps are pinned.
            if (small) Assert.NotEqual("converged", row.Verdict);
            if (Math.Sqrt(row.LrD * row.LrG) * 0.5 < 0.2) Assert.Equal("cycling", row.Verdict);
            var paper = row.LrD > row.LrG * (1 + 1e-9) ? "stable" : row.LrD < row.LrG * (1 - 1e-9) ? "unstable" : "neutral";
            if (small) Assert.Equal(paper, row.PredictedPaper);
            Assert.Equal("alternating", row.Scheme);
            Assert.Equal("none", row.Regulariser);
        }
        Assert.Contains(result.Boundaries, b => b.Predictor == "exact-map" && b.Points.Count > 0);
        Assert.All(result.Boundaries.Single(b => b.Predictor == "exact-map").Points,
            p => Assert.InRange(Math.Sqrt(p.LrD * p.LrD / p.Ratio) * 0.5, 1.6, 2.5));
    }

    [Fact]
    public void DriftOrderSlopes()
    {
        foreach (var scheme in new[] { SchemeKind.Simultaneous, SchemeKind.Alternating })
        {
            var rows = DriftOrder.Run(new DiracGan(), scheme, 3.0, new[] { 1.0, 1.0 });
            Assert.Equal(new[] { "original", "modified-paper", "modified-single-clock" }, rows.Select(r => r.Flow));
            Assert.InRange(rows[0].Slope, 1.9, 2.1);
            Assert.InRange(rows[1].Slope, 2.85, 3.15);
            Assert.InRange(rows[2].Slope, 2.85, 3.15);
        }
    }

    [Fact]
    public void MapSpectrumIsTheProductOfTheLinearisedSubSteps()
    {
        // At the equilibrium every sub-step is linear, I + diag(eta_phi, eta_theta) J with the resting player's rate 0, so the
        // map is the product of the sub-steps in update order (spec §7.3, §7.4).
        var game = new DiracGan();
        var j = FieldJacobian.Of(game, new[] { 0.0, 0.0 });
        double ep = 0.7, et = 1.3;
        MathNet.Numerics.LinearAlgebra.Matrix<double> Sub(double a, double b) =>
            MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(2) + MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfDiagonalArray(new[] { a, b }) * j;
        var cases = new[]
        {
            (new SchemeInfo(SchemeKind.Simultaneous), Sub(ep, et)),
            (new SchemeInfo(SchemeKind.Alternating, PhiSteps: 3, ThetaSteps: 2), Sub(0, et).Power(2) * Sub(ep, 0).Power(3)),
            (new SchemeInfo(SchemeKind.Alternating, First: PlayerRole.Theta, PhiSteps: 2, ThetaSteps: 1), Sub(ep, 0).Power(2) * Sub(0, et)),
        };
        foreach (var (update, map) in cases)
        {
            var spectrum = MapSpectrum.AtEquilibrium(game, update, new ToyBatch(new[] { 0.1, ep }, new[] { 0.2, et }, Array.Empty<double[]>()), null)!;
            Assert.Equal(Stability.SpectralRadius(map), spectrum.Rho[1], 12);
            Assert.True((map - DiscreteMaps.Jacobian(game, update, new[] { 0.0, 0.0 }, ep, et)).FrobeniusNorm() < 1e-14);
        }
    }

    /// <summary>The closed-form path linearises each configuration's map with its tangent map; the tensor path by autograd
    /// (MapSpectrum): the same spectra, with penalties, CO and several sub-steps per player.</summary>
    [Theory]
    [InlineData("dirac", "none", false)]
    [InlineData("dirac", "r1=0.3,co=0.2", true)]
    [InlineData("dirac-wgan", "co=0.5", false)]
    [InlineData("bilinear", "none", true)]
    [InlineData("rotational", "none", false)]
    public void ClosedFormSpectraAreTheAutogradSpectra(string gameName, string spec, bool alternating)
    {
        var game = ToyGames.Create(gameName);
        var update = alternating ? new SchemeInfo(SchemeKind.Alternating, PhiSteps: 2, ThetaSteps: 1) : new SchemeInfo(SchemeKind.Simultaneous);
        var z0 = game.DefaultStart;
        var batch = new ToyBatch([0.01, 0.3, 1.7], [0.05, 0.3, 0.2], [z0, z0, z0]);
        var reg = ToyRegularisation.Parse(spec);
        var closed = BatchedToyRunner.Run(game, update, batch, 3, reg, backend: ToyBackend.ClosedForm).Spectrum!;
        var tensor = BatchedToyRunner.Run(game, update, batch, 3, reg, backend: ToyBackend.Tensor).Spectrum!;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(tensor.Rho[i], closed.Rho[i], 12);
            Assert.Equal(tensor.Angle[i], closed.Angle[i], 12);
        }
    }

    [Fact]
    public void CancellingTheInteractionTermsStopsTheSimultaneousSpiral()
    {
        // Single-clock cancellation removes the linear outward push of §7.7, so growth is far slower than plain simultaneous GD.
        var batch = ToyBatch.Single(0.2, 0.2, new[] { 1.0, 1.0 });
        var plain = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Simultaneous), batch, 300);
        var reg = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Simultaneous), batch, 300, DriftRegulariser.CancelInteraction(DriftConvention.SingleClock));
        double grewPlain = plain.FinalDistance[0] - plain.InitialDistance[0], grewReg = reg.FinalDistance[0] - reg.InitialDistance[0];
        Assert.True(grewReg < grewPlain / 5, $"{grewReg} vs {grewPlain}");
    }
}
