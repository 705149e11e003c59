using System.Numerics;
using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Tests.Training;
using GameDrift.Torch;
using GameDrift.ToyRuns;
using GameDrift.Training;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Tests.ContinuousTime;

/// <summary>Instance noise, and the regularised Dirac-GAN eigenvalue table of spec §7.5 for every variant it lists that
/// has a Jacobian (WGAN-GP's field is discontinuous at the equilibrium).</summary>
[Collection(GlobalRngCollection.Name)]
public class InstanceNoiseTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly double[] Zero = { 0.0, 0.0 };

    private static Complex[] Sorted(IEnumerable<Complex> e) => e.OrderBy(c => c.Imaginary).ThenBy(c => c.Real).ToArray();

    private static Complex[] Spec(Complex centre, Complex root) => Sorted(new[] { centre + root, centre - root });

    private void AssertEigenvalues(Complex[] expected, Matrix<double> jacobian)
    {
        var actual = Sorted(Stability.Eigenvalues(jacobian));
        double error = Enumerable.Range(0, 2).Max(i => (actual[i] - expected[i]).Magnitude);
        output.WriteLine($"eigenvalues {string.Join(", ", actual)}: max error {error:G3}");
        Assert.InRange(error, 0, 1e-6);
    }

    // The regularised field's Jacobian from the simultaneous map: I + h J_reg exactly, so J_reg = (M - I)/h.
    private static Matrix<double> RegularisedJacobian(IVectorFieldGame game, string reg)
    {
        const double h = 0.125;
        var map = DiscreteMaps.Jacobian(game, new SchemeInfo(SchemeKind.Simultaneous), Zero, h, h, ToyRegularisation.Parse(reg));
        return (map - Matrix<double>.Build.DenseIdentity(2)) / h;
    }

    [Fact]
    public void GaussHermiteIntegratesNormalMomentsExactly()
    {
        var (x, w) = GaussHermite.Rule(10);
        double Moment(int k) => x.Select((v, i) => w[i] * Math.Pow(v, k)).Sum();
        Assert.Equal(1, Moment(0), 13);
        Assert.Equal(0, Moment(1), 13);
        Assert.Equal(1, Moment(2), 12);
        Assert.Equal(3, Moment(4), 11);
        Assert.Equal(15, Moment(6), 10);
        Assert.Equal(105, Moment(8), 9);
    }

    [Fact]
    public void UnregularisedVariantsOfTheTable()
    {
        AssertEigenvalues(Spec(0, new Complex(0, 0.5)), FieldJacobian.Of(new DiracGan(), Zero));
        AssertEigenvalues(Spec(0, new Complex(0, 0.5)), FieldJacobian.Of(new DiracGan(DiracLoss.NonSaturating), Zero));
        AssertEigenvalues(Spec(0, new Complex(0, 1)), FieldJacobian.Of(new DiracGan(DiracLoss.Wasserstein), Zero));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.7)]
    [InlineData(1.5)] // σ⁴/16 > 1/4: two real eigenvalues
    public void InstanceNoiseEigenvalues(double sigma)
    {
        var expected = Spec(-sigma * sigma / 4, Complex.Sqrt(Math.Pow(sigma, 4) / 16 - 0.25));
        AssertEigenvalues(expected, FieldJacobian.Of(new InstanceNoiseDiracGan(sigma), Zero));
        AssertEigenvalues(expected, FieldJacobian.Of(new InstanceNoiseDiracGan(sigma, DiracLoss.NonSaturating), Zero));
        // Through the toy regulariser spec, as `toy --reg instance-noise=SIGMA` runs it.
        var reg = ToyRegularisation.Parse($"instance-noise={sigma}");
        var game = ToyGames.WithInstanceNoise(new DiracGan(), reg);
        reg!.Check(game);
        AssertEigenvalues(expected, RegularisedJacobian(game, $"instance-noise={sigma}"));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)] // critical damping: a double eigenvalue -1/2
    [InlineData(2.0)]
    public void GradientPenaltyEigenvalues(double gamma)
    {
        var expected = Spec(-gamma / 2, Complex.Sqrt(gamma * gamma / 4 - 0.25));
        AssertEigenvalues(expected, RegularisedJacobian(new DiracGan(), $"r1={gamma}"));
        AssertEigenvalues(expected, RegularisedJacobian(new DiracGan(), $"r2={gamma}"));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void ConsensusEigenvalues(double gamma) =>
        AssertEigenvalues(Spec(-gamma / 4, new Complex(0, 0.5)), RegularisedJacobian(new DiracGan(), $"co={gamma}"));

    /// <summary>The noisy game's field (the gradients of its quadrature losses) against the expectations written out and
    /// integrated independently (trapezoid rule over ±10σ): f = -(E[s(φ(θ+ε))(θ+ε)] - E[ε s(-φε)]), g = E[s(±φ(θ+ε))] φ.</summary>
    [Fact]
    public void NoisyFieldIsTheExpectedFieldAndTendsToTheDiracGan()
    {
        using var scope = torch.NewDisposeScope();
        const double sigma = 0.6, x = 0.7, y = -1.3;
        static double S(double t) => 1 / (1 + Math.Exp(-t));
        static double Expect(Func<double, double> h)
        {
            const int n = 20001;
            double a = -10 * sigma, dx = 20 * sigma / (n - 1), sum = 0;
            for (var i = 0; i < n; i++)
            {
                var e = a + i * dx;
                sum += (i == 0 || i == n - 1 ? 0.5 : 1) * h(e) * Math.Exp(-e * e / (2 * sigma * sigma));
            }
            return sum * dx / (sigma * Math.Sqrt(2 * Math.PI));
        }
        foreach (var loss in new[] { DiracLoss.Standard, DiracLoss.NonSaturating })
        {
            IVectorFieldGame game = new InstanceNoiseDiracGan(sigma, loss);
            var (f, g) = game.Field(torch.Tensor(new[] { x }), torch.Tensor(new[] { y }));
            var fExpected = -(Expect(e => S(x * (y + e)) * (y + e)) - Expect(e => e * S(-x * e)));
            var gExpected = Expect(e => S((loss == DiracLoss.Standard ? 1 : -1) * x * (y + e))) * x;
            Assert.Equal(fExpected, f.ToDouble(), 9);
            Assert.Equal(gExpected, g.ToDouble(), 9);
            IVectorFieldGame noiseless = new InstanceNoiseDiracGan(0, loss);
            var (f0, g0) = noiseless.Field(torch.Tensor(new[] { x }), torch.Tensor(new[] { y }));
            var (fd, gd) = new DiracGan(loss).Field(torch.Tensor(new[] { x }), torch.Tensor(new[] { y }));
            Assert.Equal(fd.ToDouble(), f0.ToDouble(), 14);
            Assert.Equal(gd.ToDouble(), g0.ToDouble(), 14);
        }
        Assert.Throws<ArgumentException>(() => ToyGames.WithInstanceNoise(new BilinearGame(), ToyRegularisation.Parse("instance-noise=0.1")));
        Assert.Throws<ArgumentException>(() => ToyRegularisation.Parse("instance-noise=0.1")!.Check(new DiracGan()));
    }

    [Fact]
    public void TrainWithInstanceNoiseIsSeededAndChangesTheRun()
    {
        Assert.Empty(RegulariserRegistry.Parse("instance-noise=0.2"));
        Assert.Equal(0.3, InstanceNoise.Sigma("r1=1,instance-noise=0.3"));
        Assert.Throws<FormatException>(() => RegulariserRegistry.Parse("instance-noise=-1"));
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        using var c = new TempDirectory();
        new Trainer(TinyGan.Config("regularisers=instance-noise=0.2"), a.Path).Run();
        new Trainer(TinyGan.Config("regularisers=instance-noise=0.2"), b.Path).Run();
        new Trainer(TinyGan.Config(), c.Path).Run();
        var la = MetricsLog.Read(a.Combine("metrics.csv")).Rows.Select(r => r[2]).ToArray();
        Assert.Equal(la, MetricsLog.Read(b.Combine("metrics.csv")).Rows.Select(r => r[2]).ToArray());
        Assert.NotEqual(la, MetricsLog.Read(c.Combine("metrics.csv")).Rows.Select(r => r[2]).ToArray());
        Assert.All(la, v => Assert.True(v is { } x && double.IsFinite(x)));
    }
}
