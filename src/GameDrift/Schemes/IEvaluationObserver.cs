using GameDrift.Games;

namespace GameDrift.Schemes;

/// <summary>What an observer asks of a step's evaluations: the graph of the gradients (double-backprop terms) and both
/// gradient blocks of each loss (the cross gradients).</summary>
public readonly record struct EvaluationNeeds(bool Graph, bool BothBlocks)
{
    public static EvaluationNeeds operator |(EvaluationNeeds a, EvaluationNeeds b) => new(a.Graph || b.Graph, a.BothBlocks || b.BothBlocks);
}

/// <summary>Looks at the evaluations a step of an <see cref="UpdateScheme"/> makes (measurement) without changing the
/// update. A step none of whose observers needs anything skips the other network's backward pass.</summary>
public interface IEvaluationObserver
{
    /// <summary>Called at the start of every step: what this step's evaluations must compute for the observer.</summary>
    EvaluationNeeds BeginStep();

    /// <summary>Called with each evaluation the step reports <paramref name="player"/>'s diagnostics from, before they are read.</summary>
    void Observe(GameEvaluation evaluation, PlayerRole player);
}
