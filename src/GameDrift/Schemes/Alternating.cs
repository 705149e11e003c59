using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Torch;

namespace GameDrift.Schemes;

/// <summary>Alternating updates (spec §3.1, code <c>experiment.py</c>): the first player takes its k steps, then the
/// second player takes its steps, its gradient taken at the first player's new parameters. Every sub-step draws a
/// fresh batch and latents. Diagnostics are each player's at its last sub-step.</summary>
public sealed class Alternating : UpdateScheme
{
    /// <param name="first">who moves first; the code's default (and the spec's) is the discriminator, phi.</param>
    public Alternating(ITwoPlayerGame game, IPlayerOptimizer phiOptimizer, IPlayerOptimizer thetaOptimizer,
        IBatchSource batches, IEnumerable<IRegulariser>? regularisers = null,
        PlayerRole first = PlayerRole.Phi, int phiSteps = 1, int thetaSteps = 1)
        : base(game, phiOptimizer, thetaOptimizer, batches, regularisers)
    {
        if (phiSteps < 1 || thetaSteps < 1)
            throw new ArgumentOutOfRangeException(phiSteps < 1 ? nameof(phiSteps) : nameof(thetaSteps), "each player takes at least one step");
        First = first;
        PhiSteps = phiSteps;
        ThetaSteps = thetaSteps;
    }

    public PlayerRole First { get; }
    public int PhiSteps { get; }
    public int ThetaSteps { get; }

    public override SchemeKind Kind => SchemeKind.Alternating;

    public override SchemeInfo Info => base.Info with { First = First, PhiSteps = PhiSteps, ThetaSteps = ThetaSteps };

    protected override StepDiagnostics StepCore(SchemeInfo info)
    {
        var firstDiag = Moves(First, info);
        var secondDiag = Moves(First.Other(), info);
        return First == PlayerRole.Phi ? new(firstDiag, secondDiag) : new(secondDiag, firstDiag);
    }

    private PlayerDiagnostics Moves(PlayerRole player, SchemeInfo info)
    {
        PlayerDiagnostics last = PlayerDiagnostics.Unmeasured;
        for (var k = 0; k < info.Steps(player); k++)
        {
            // A scope per sub-step: with k > 1 the earlier graphs are not kept alive.
            using var scope = torch.NewDisposeScope();
            var ev = Evaluate();
            var g = RegularisedGradient(ev, info, player);
            last.Dispose();
            last = Diagnose(ev, player);
            Optimizer(player).Step(g);
        }
        return last;
    }
}
