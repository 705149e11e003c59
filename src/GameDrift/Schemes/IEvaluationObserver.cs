using GameDrift.Games;

namespace GameDrift.Schemes;

/// <summary>Looks at the evaluations a step of an <see cref="UpdateScheme"/> makes (measurement) without changing the
/// update. A step none of whose observers needs anything skips the other network's backward pass.</summary>
public interface IEvaluationObserver
{
    /// <summary>Called at the start of every step: whether this step's evaluations must keep the graph of the gradients
    /// (double-backprop terms) and compute both gradient blocks of each loss (the cross gradients) for the observer.</summary>
    (bool Graph, bool BothBlocks) BeginStep();

    /// <summary>Called with each evaluation the step reports <paramref name="player"/>'s diagnostics from, before they are read.</summary>
    void Observe(GameEvaluation evaluation, PlayerRole player);
}
