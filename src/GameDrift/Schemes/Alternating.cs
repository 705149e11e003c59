using GameDrift.Games;
using GameDrift.Transforms;

namespace GameDrift.Schemes;

/// <summary>Alternating updates (spec §3.1, code <c>experiment.py</c>, <see cref="UpdateRule.Alternating"/>): the first player takes its k steps, then the
/// second player takes its steps, its gradient taken at the first player's new parameters. Every sub-step draws a
/// fresh batch and latents. Diagnostics are each player's at its last sub-step.</summary>
public sealed class Alternating : UpdateScheme
{
    /// <param name="first">who moves first; the code's default (and the spec's) is the discriminator, phi.</param>
    public Alternating(ITwoPlayerGame game, Chain phi, Chain theta, IBatchSource batches,
        PlayerRole first = PlayerRole.Phi, int phiSteps = 1, int thetaSteps = 1)
        : base(game, phi, theta, batches)
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
}
