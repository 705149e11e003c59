using GameDrift.Games;

namespace GameDrift.Schemes;

/// <summary>A player optimiser that reads the step's game evaluation before its <see cref="IPlayerOptimizer.Step"/>,
/// e.g. DAL's Hessian-gradient product. The scheme calls <see cref="Observe"/> with the evaluation whose gradient it is
/// about to hand over.</summary>
public interface IEvaluationAwareOptimizer : IPlayerOptimizer
{
    /// <summary>Whether the evaluation's first-order gradients must stay differentiable (exact HVPs).</summary>
    bool NeedsGraph { get; }

    void Observe(GameEvaluation evaluation, PlayerRole player);
}
