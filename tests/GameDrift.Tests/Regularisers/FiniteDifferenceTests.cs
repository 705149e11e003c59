using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Tests.TestGames;
using GameDrift.Transforms;
using static GameDrift.Tests.TestGames.T3Game;

namespace GameDrift.Tests.Regularisers;

/// <summary>Each loss-based regulariser's gradient against central finite differences of its modified-loss term,
/// built from the hand-coded T3 gradients. Stop-gradient factors are held at the evaluation point.</summary>
public class FiniteDifferenceTests
{
    private static readonly double[] P = { Z0[0], Z0[1] }, T = { Z0[2], Z0[3] };
    private static readonly SchemeInfo Sim = new(SchemeKind.Simultaneous, 0.1, 0.3);
    private const double Tol = 1e-8;

    private static double[] Apply(IRegulariser r, PlayerRole who, SchemeInfo? s = null)
    {
        var game = AtZ0();
        r.Check(game, (s ?? Sim).Kind);
        var ev = new GameEvaluation(game, game.Phi, game.Theta, GameBatch.Empty, createGraph: true);
        return r.Gradient(ev, s ?? Sim, who)![0].ToArray<double>();
    }

    // Modified-loss pieces as functions of the differentiated player's parameters.
    private static double SelfPhi(double[] p) => 0.5 * Dot(GradPhiL1(p, T), GradPhiL1(p, T));
    private static double SelfTheta(double[] t) => 0.5 * Dot(GradThetaL2(P, t), GradThetaL2(P, t));
    private static double InteractionPhi(double[] p) => Dot(GradThetaL1(p, T), GradThetaL2(P, T));
    private static double InteractionTheta(double[] t) => Dot(GradPhiL2(P, t), GradPhiL1(P, T));
    private static double OtherNormPhi(double[] p) => 0.5 * Dot(GradThetaL2(p, T), GradThetaL2(p, T));
    private static double OtherNormTheta(double[] t) => 0.5 * Dot(GradPhiL1(P, t), GradPhiL1(P, t));

    [Fact]
    public void CancelInteractionPaperCoefficients()
    {
        var r = DriftRegulariser.CancelInteraction(DriftConvention.Paper, TermEstimator.SameBatch);
        Approx.Equal(Scale(-0.1 / 2, Approx.Gradient(InteractionPhi, P)), Apply(r, PlayerRole.Phi), Tol, "phi");
        Approx.Equal(Scale(-0.3 / 2, Approx.Gradient(InteractionTheta, T)), Apply(r, PlayerRole.Theta), Tol, "theta");
    }

    [Fact]
    public void CancelInteractionSingleClockUsesTheOtherPlayersRate()
    {
        var r = DriftRegulariser.CancelInteraction(DriftConvention.SingleClock, TermEstimator.SameBatch);
        Approx.Equal(Scale(-0.3 / 2, Approx.Gradient(InteractionPhi, P)), Apply(r, PlayerRole.Phi), Tol, "phi");
        Approx.Equal(Scale(-0.1 / 2, Approx.Gradient(InteractionTheta, T)), Apply(r, PlayerRole.Theta), Tol, "theta");
        // Alternating, phi first: the second mover's single-clock coefficient is -eta_phi/2, so cancelling adds +eta_phi/2.
        var alt = new SchemeInfo(SchemeKind.Alternating, 0.1, 0.3);
        Approx.Equal(Scale(+0.1 / 2, Approx.Gradient(InteractionTheta, T)), Apply(r, PlayerRole.Theta, alt), Tol, "theta alt");
    }

    [Fact]
    public void SelfTermsCancelAndStrengthen()
    {
        Approx.Equal(Scale(-0.1 / 2, Approx.Gradient(SelfPhi, P)), Apply(DriftRegulariser.CancelSelf(e: TermEstimator.SameBatch), PlayerRole.Phi), Tol, "phi");
        Approx.Equal(Scale(+0.3 / 2, Approx.Gradient(SelfTheta, T)), Apply(DriftRegulariser.StrengthenSelf(e: TermEstimator.SameBatch), PlayerRole.Theta), Tol, "theta");
    }

    [Fact]
    public void ConsensusOptimisation()
    {
        var r = new ConsensusOptimisation(0.7);
        Approx.Equal(Scale(0.7, Approx.Gradient(p => SelfPhi(p) + OtherNormPhi(p), P)), Apply(r, PlayerRole.Phi), Tol, "phi");
        Approx.Equal(Scale(0.7, Approx.Gradient(t => SelfTheta(t) + OtherNormTheta(t), T)), Apply(r, PlayerRole.Theta), Tol, "theta");
    }

    [Fact]
    public void SgaOtherNormAndGeneralForms()
    {
        Approx.Equal(Scale(0.5, Approx.Gradient(OtherNormPhi, P)), Apply(new SymplecticGradientAdjustment(0.5), PlayerRole.Phi), Tol, "other-norm");
        var general = new SymplecticGradientAdjustment(0.5, SgaForm.General);
        Approx.Equal(Scale(0.25, Approx.Gradient(p => OtherNormPhi(p) - InteractionPhi(p), P)), Apply(general, PlayerRole.Phi), Tol, "general phi");
        Approx.Equal(Scale(0.25, Approx.Gradient(t => OtherNormTheta(t) - InteractionTheta(t), T)), Apply(general, PlayerRole.Theta), Tol, "general theta");
    }

    [Fact]
    public void SgaAlignmentFlipsOnlyTheSign()
    {
        var aligned = Apply(new SymplecticGradientAdjustment(0.5, alignment: true), PlayerRole.Phi);
        var plain = Apply(new SymplecticGradientAdjustment(0.5, SgaForm.General), PlayerRole.Phi);
        Assert.True(Math.Abs(Math.Abs(aligned[0]) - Math.Abs(plain[0])) < 1e-14 && Math.Abs(Math.Abs(aligned[1]) - Math.Abs(plain[1])) < 1e-14);
    }

    [Fact]
    public void AppliedGradientIsLossGradientPlusRegulariser()
    {
        // One SGD step with lr 1 exposes the applied gradient: grad L1 - eta_phi/2 * interaction (spec §5.2).
        var game = AtZ0();
        IRegulariser[] regs = [DriftRegulariser.CancelInteraction(DriftConvention.Paper, TermEstimator.SameBatch)];
        var scheme = new Simultaneous(game, Chain.Of(regs, OptimizerAdapter.Sgd(game.Phi, 0.1)),
            Chain.Of(regs, OptimizerAdapter.Sgd(game.Theta, 0.3)), BatchSource.None);
        scheme.Step();
        var applied = Add(GradPhiL1(P, T), Scale(-0.05, Approx.Gradient(InteractionPhi, P)));
        Approx.Equal(Add(P, Scale(-0.1, applied)), game.PhiValue, 1e-10, "phi");
    }
}
