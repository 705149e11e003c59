using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Tests.TestGames;
using GameDrift.Transforms;
using static GameDrift.Tests.TestGames.DiracGan;

namespace GameDrift.Tests.Regularisers;

/// <summary>Spec T13 on the code's Dirac-GAN (§7.7): closed-form regulariser gradients with coefficient 10 on a grid,
/// through a GanGame and one SGD step with unit learning rate (so the step shows the applied gradient).</summary>
public class DiracClosedFormTests
{
    private static readonly double[] Grid = { -0.5, -0.1, 0.1, 0.5 };
    private const double C = 10;

    private static (double Phi, double Theta) AppliedGradients(double phi, double theta, IRegulariser r)
    {
        var (game, p, t) = Create(phi, theta);
        new Simultaneous(game, Chain.Of([r], OptimizerAdapter.Sgd(game.DiscriminatorParameters, 1)), Chain.Of([r], OptimizerAdapter.Sgd(game.GeneratorParameters, 1)), Batches()).Step();
        return (phi - p.ToDouble(), theta - t.ToDouble());
    }

    [Fact]
    public void SelfNormViaConsensusMinusOtherNorm()
    {
        foreach (var phi in Grid)
        foreach (var theta in Grid)
        {
            double s = Sigmoid(phi * theta), sp = s * (1 - s);
            // CO = self + other_norm; subtract the other_norm closed form to isolate the self term.
            var (gPhi, gTheta) = AppliedGradients(phi, theta, new ConsensusOptimisation(C));
            Assert.Equal(s * theta + C * sp * s * Math.Pow(theta, 3) + C * (s * s * phi + s * sp * phi * phi * theta), gPhi, 12);
            Assert.Equal(-s * phi + C * s * sp * Math.Pow(phi, 3) + C * (s * s * theta + s * sp * theta * theta * phi), gTheta, 12);
        }
    }

    [Fact]
    public void OtherNormViaSga()
    {
        foreach (var phi in Grid)
        foreach (var theta in Grid)
        {
            double s = Sigmoid(phi * theta), sp = s * (1 - s);
            var (gPhi, gTheta) = AppliedGradients(phi, theta, new SymplecticGradientAdjustment(C));
            Assert.Equal(s * theta + C * (s * s * phi + s * sp * phi * phi * theta), gPhi, 12);
            Assert.Equal(-s * phi + C * (s * s * theta + s * sp * theta * theta * phi), gTheta, 12);
        }
    }

    [Fact]
    public void ZeroSumOtherDotProductIsMinusOtherNorm()
    {
        foreach (var phi in Grid)
        foreach (var theta in Grid)
        {
            var (game, _, _) = Create(phi, theta);
            var ev = new GameEvaluation(game, game.DiscriminatorParameters, game.GeneratorParameters, Batches().Next(), createGraph: true);
            foreach (var who in new[] { PlayerRole.Phi, PlayerRole.Theta })
            {
                var dot = ev.Term(GradientTerm.OtherDotProduct, who, TermEstimator.SameBatch)[0].ToDouble();
                var norm = ev.Term(GradientTerm.OtherNorm, who, TermEstimator.SameBatch)[0].ToDouble();
                Assert.Equal(-norm, dot, 14);
                Assert.NotEqual(0, norm, 6);
            }
            // And SGA's general A^T xi form reduces to the other-norm form.
            var general = new SymplecticGradientAdjustment(C, SgaForm.General).Gradient(ev, new SchemeInfo(SchemeKind.Simultaneous, 1, 1), PlayerRole.Phi)![0].ToDouble();
            Assert.Equal(C * ev.Term(GradientTerm.OtherNorm, PlayerRole.Phi, TermEstimator.SameBatch)[0].ToDouble(), general, 13);
        }
    }

    [Fact]
    public void R1OnTheDiracGanIsGammaPhi()
    {
        // R1 = gamma/2 phi^2 since grad_x D = phi (spec §7.5); the generator is untouched.
        var (gPhi, gTheta) = AppliedGradients(0.5, 0.1, new R1Penalty(0.3));
        double s = Sigmoid(0.05);
        Assert.Equal(s * 0.1 + 0.3 * 0.5, gPhi, 13);
        Assert.Equal(-s * 0.5, gTheta, 13);
    }
}
