using GameDrift.Regularisers;
using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;

using Approx = GameDrift.Tests.TestGames.Approx;
using GameDrift.Schemes;
using GameDrift.ToyRuns;

namespace GameDrift.Tests.Analysis;

/// <summary>R1, R2, consensus optimisation and SGA on the toy paths: the regularised field against finite differences
/// of each player's modified loss, closed form against autograd, and clear errors where a penalty has no meaning.</summary>
public class ToyPenaltyTests
{
    private static readonly double[] Grid = { -0.5, -0.1, 0.1, 0.5, 1.3 };

    // The fields the players step along: one simultaneous Euler step with unit learning rates moves z by (f_reg, g_reg).
    private static double[] RegularisedField(IVectorFieldGame game, ToyRegularisation reg, double[] z, ToyBackend backend)
    {
        var run = BatchedToyRunner.Run(game, new SchemeInfo(SchemeKind.Simultaneous), ToyBatch.Single(1, 1, z), 1, reg, backend: backend);
        return run.Final[0].Select((v, i) => v - z[i]).ToArray();
    }

    private static (double F, double G) Field(DiracGan game, double x, double y)
    {
        Span<double> f = stackalloc double[1], g = stackalloc double[1];
        game.Field(new[] { x }, new[] { y }, f, g);
        return (f[0], g[0]);
    }

    // L1 = -E and L2 (E, or the non-saturating loss) of spec §7.7, written out in doubles.
    private static double L1(DiracGan game, double x, double y) =>
        game.Loss == DiracLoss.Wasserstein ? x * y : Softplus(x * y) + Math.Log(2);

    private static double L2(DiracGan game, double x, double y) => game.Loss switch
    {
        DiracLoss.Wasserstein => -x * y,
        DiracLoss.Standard => -L1(game, x, y),
        _ => Softplus(-x * y),
    };

    private static double Softplus(double t) => Math.Log(1 + Math.Exp(t));

    public static TheoryData<DiracLoss, string, ToyBackend> Cases()
    {
        var d = new TheoryData<DiracLoss, string, ToyBackend>();
        foreach (var spec in new[] { "r1=0.3", "r2=0.7", "co=0.8", "sga=0.6", "r1=0.2,co=0.3,sga=0.4" })
        {
            d.Add(DiracLoss.Standard, spec, ToyBackend.ClosedForm);
            d.Add(DiracLoss.Standard, spec, ToyBackend.Tensor);
            d.Add(DiracLoss.Wasserstein, spec, ToyBackend.ClosedForm);
            d.Add(DiracLoss.NonSaturating, spec, ToyBackend.Tensor);
        }
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RegularisedFieldIsMinusTheModifiedLossGradient(DiracLoss loss, string spec, ToyBackend backend)
    {
        var game = new DiracGan(loss);
        var reg = ToyRegularisation.Parse(spec)!;
        double co = Weight(spec, "co"), sga = Weight(spec, "sga");
        // Modified losses: L1 += (r1 + r2)/2 phi^2 + co * ½(f² + g²) + sga * ½ g² (in phi); L2 += co * ½(f² + g²) + sga * ½ f² (in theta).
        double H(double x, double y, bool phiPlayer)
        {
            var (f, g) = Field(game, x, y);
            return co * 0.5 * (f * f + g * g) + sga * 0.5 * (phiPlayer ? g * g : f * f);
        }
        double M1(double[] p, double y) => L1(game, p[0], y) + reg.PenaltyGamma / 2 * p[0] * p[0] + H(p[0], y, true);
        double M2(double x, double[] t) => L2(game, x, t[0]) + H(x, t[0], false);
        foreach (var x in Grid)
            foreach (var y in Grid)
            {
                var field = RegularisedField(game, reg, new[] { x, y }, backend);
                var f = -Approx.Gradient(p => M1(p, y), new[] { x }, 1e-6)[0];
                var g = -Approx.Gradient(t => M2(x, t), new[] { y }, 1e-6)[0];
                Approx.Equal(new[] { f, g }, field, 1e-8, $"{loss} {spec} at ({x}, {y})");
            }
    }

    // The summed value of a spec's items called name (e.g. "co" in "r1=0.2,co=0.3").
    private static double Weight(string spec, string name) => spec.Split(',').Where(x => x.StartsWith(name + "="))
        .Sum(x => double.Parse(x[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("dirac", "co=0.5,r1=0.3")]
    [InlineData("dirac", "sga=0.7")]
    [InlineData("dirac-wgan", "co=0.2,sga=0.3,r2=0.4")]
    public void ClosedFormRunsAgreeWithAutogradIncludingTheTangent(string name, string spec)
    {
        var game = ToyGames.Create(name);
        var reg = ToyRegularisation.Parse(spec)!;
        Assert.True(reg.HasClosedForm(game, new SchemeInfo(SchemeKind.Simultaneous)));
        foreach (var scheme in new[] { SchemeKind.Simultaneous, SchemeKind.Alternating })
        {
            var batch = new ToyBatch(new[] { 0.1, 0.4 }, new[] { 0.3, 0.2 }, new[] { new[] { 1.0, 1.0 }, new[] { -0.7, 0.4 } });
            var closed = BatchedToyRunner.Run(game, new SchemeInfo(scheme), batch, 60, reg, backend: ToyBackend.ClosedForm);
            var tensor = BatchedToyRunner.Run(game, new SchemeInfo(scheme), batch, 60, reg, backend: ToyBackend.Tensor);
            for (int b = 0; b < 2; b++)
            {
                Approx.Equal(tensor.Final[b], closed.Final[b], 1e-12, $"{scheme} final");
                Assert.Equal(tensor.Lyapunov[b], closed.Lyapunov[b], 10);
            }
        }
    }

    [Fact]
    public void AlternatingRegularisedStepUsesPartialDerivativesAtTheUpdatedPoint()
    {
        // Single-clock cancel-interaction, discriminator first (§3.3): phi_1 = phi_0 + ep (f + et/2 f_theta g) at (phi_0, theta_0);
        // theta_1 = theta_0 + et (g - ep/2 g_phi f) at (phi_1, theta_0), with the partials of the Dirac field written out:
        // d f/d theta = -(s' x y + s), d g/d phi = s' x y + s.
        double ep = 0.3, et = 0.7, x0 = 0.9, y0 = -1.2;
        static double S(double t) => 1 / (1 + Math.Exp(-t));
        static double Mixed(double x, double y) => S(x * y) * (1 - S(x * y)) * x * y + S(x * y);
        double x1 = x0 + ep * (-S(x0 * y0) * y0 + et / 2 * (-Mixed(x0, y0) * S(x0 * y0) * x0));
        double y1 = y0 + et * (S(x1 * y0) * x1 - ep / 2 * (Mixed(x1, y0) * -S(x1 * y0) * y0));
        var run = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Alternating), ToyBatch.Single(ep, et, new[] { x0, y0 }), 1,
            ToyRegularisation.Parse("cancel-interaction:single-clock"), backend: ToyBackend.Tensor);
        Approx.Equal(new[] { x1, y1 }, run.Final[0], 1e-14);
        // Consensus: theta's term at (phi_1, theta_0) is gamma grad_theta ½(f² + g²) with phi_1 held fixed.
        var co = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Alternating), ToyBatch.Single(ep, et, new[] { x0, y0 }), 1,
            ToyRegularisation.Parse("co=0.4"), backend: ToyBackend.Tensor);
        var xCo = co.Final[0][0];
        var (_, g1) = Field(new DiracGan(), xCo, y0);
        double H(double y) { var (f, g) = Field(new DiracGan(), xCo, y); return 0.5 * (f * f + g * g); }
        Approx.Equal(new[] { y0 + et * (g1 - 0.4 * Approx.Gradient(t => H(t[0]), new[] { y0 }, 1e-6)[0]) }, new[] { co.Final[0][1] }, 1e-9);
    }

    [Fact]
    public void GradientPenaltyAddsMinusGammaPhiToADriftRegularisedField()
    {
        var game = new DiracGan();
        var z = new[] { 0.8, -0.6 };
        var drift = RegularisedField(game, ToyRegularisation.Parse("cancel-interaction")!, z, ToyBackend.Tensor);
        var both = RegularisedField(game, ToyRegularisation.Parse("cancel-interaction,r1=0.3")!, z, ToyBackend.Tensor);
        Approx.Equal(new[] { drift[0] - 0.3 * z[0], drift[1] }, both, 1e-13);
    }

    [Fact]
    public void R1ConvergesWhereThePlainDiracGanCycles()
    {
        // §7.5: with R1 the equilibrium becomes attracting (eigenvalues -gamma/2 ± ...); alternating GD alone cycles.
        var batch = ToyBatch.Single(0.2, 0.2, new[] { 1.0, 1.0 });
        var plain = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Alternating), batch, 2000);
        var r1 = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Alternating), batch, 2000, ToyRegularisation.Parse("r1=0.3"));
        Assert.True(plain.FinalDistance[0] > 1, $"plain {plain.FinalDistance[0]}");
        Assert.True(r1.FinalDistance[0] < 1e-3, $"r1 {r1.FinalDistance[0]}");
    }

    [Fact]
    public void ParsesTheIssueExampleAndRejectsPenaltiesWithoutMeaning()
    {
        var r = ToyRegularisation.Parse("cancel-interaction,r1=0.3")!;
        Assert.True(r.HasDrift);
        Assert.Equal(0.3, Assert.IsType<R1Penalty>(Assert.Single(r.Penalties)).Gamma);
        Assert.Null(ToyRegularisation.Parse("none"));
        var batch = ToyBatch.Single(0.1, 0.1, new[] { 1.0, 1.0 });
        var e = Assert.Throws<ArgumentException>(() => BatchedToyRunner.Run(new BilinearGame(), new SchemeInfo(SchemeKind.Simultaneous), batch, 3, ToyRegularisation.Parse("r1=0.3")));
        Assert.Contains("bilinear", e.Message);
        Assert.Throws<NotSupportedException>(() => ToyRegularisation.Parse("wgan-gp=1"));
        Assert.Throws<FormatException>(() => ToyRegularisation.Parse("r1"));
        Assert.Throws<FormatException>(() => ToyRegularisation.Parse("r1=-1"));
        Assert.Throws<FormatException>(() => ToyRegularisation.Parse("cancel-everything"));
        Assert.Contains("cancel-interaction:paper", Assert.Throws<FormatException>(() => ToyRegularisation.Parse("cancel-interaction-paper")).Message);
        Assert.Throws<NotSupportedException>(() => ToyRegularisation.Parse("sga=0.1:align"));
    }
}
