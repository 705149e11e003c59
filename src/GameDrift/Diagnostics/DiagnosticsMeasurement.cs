using GameDrift.Games;
using GameDrift.Schemes;

namespace GameDrift.Diagnostics;

/// <summary>Measures what a step need not compute for its update: the cross gradients (the other player's loss,
/// <c>||grad_phi L2||</c>, <c>||grad_theta L1||</c>: a backward pass through both networks per loss) and the drift terms
/// of spec §5.1 on the same batch (one double-backward each), unless the step's regularisers computed them. Which
/// steps measure what is <paramref name="schedule"/>'s answer for the step number, counted on from
/// <paramref name="stepsTaken"/>.</summary>
public sealed class DiagnosticsMeasurement(Func<long, (bool CrossGradients, bool DriftTerms)> schedule, long stepsTaken = 0)
    : IEvaluationObserver
{
    private (bool Cross, bool Drift) now;

    /// <summary>Both at every step.</summary>
    public static DiagnosticsMeasurement Always() => new(_ => (true, true));

    /// <summary>The number of the step being taken (the last one taken, between steps).</summary>
    public long Step { get; private set; } = stepsTaken;

    public (bool Graph, bool BothBlocks) BeginStep()
    {
        now = schedule(++Step);
        return (now.Drift, now.Cross || now.Drift);
    }

    public void Observe(GameEvaluation evaluation, PlayerRole player)
    {
        if (!evaluation.IsDifferentiable) return;
        if (now.Cross) evaluation.Gradient(player == PlayerRole.Phi ? 2 : 1, player);
        if (!now.Drift) return;
        foreach (var term in new[] { GradientTerm.SelfNorm, GradientTerm.OtherDotProduct })
            if (!evaluation.TryGetTerm(term, player, out _)) evaluation.Term(term, player, TermEstimator.SameBatch);
    }
}
