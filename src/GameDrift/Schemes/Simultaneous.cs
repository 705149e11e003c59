using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Regularisers;

namespace GameDrift.Schemes;

/// <summary>Simultaneous updates (spec §3.1): both players' gradients at the old parameters on one batch, then both updates.</summary>
public sealed class Simultaneous(ITwoPlayerGame game, IPlayerOptimizer phiOptimizer, IPlayerOptimizer thetaOptimizer,
    IBatchSource batches, IEnumerable<IRegulariser>? regularisers = null)
    : UpdateScheme(game, phiOptimizer, thetaOptimizer, batches, regularisers)
{
    public override SchemeKind Kind => SchemeKind.Simultaneous;

    protected override StepDiagnostics StepCore(SchemeInfo info)
    {
        var ev = Evaluate();
        var gPhi = RegularisedGradient(ev, info, PlayerRole.Phi);
        var gTheta = RegularisedGradient(ev, info, PlayerRole.Theta);
        var diagnostics = new StepDiagnostics(Diagnose(ev, PlayerRole.Phi), Diagnose(ev, PlayerRole.Theta));
        Optimizer(PlayerRole.Phi).Step(gPhi);
        Optimizer(PlayerRole.Theta).Step(gTheta);
        return diagnostics;
    }
}
