using GameDrift.Torch;

namespace GameDrift.Transforms;

/// <summary>One player's optimiser, the last link of its <see cref="Chain"/>: it applies a caller-computed gradient (loss
/// gradient plus the transforms' terms, in parameter order) to the player's parameters in place. An
/// <c>optim.Optimizer</c> adapts through <see cref="OptimizerAdapter"/>.</summary>
public interface IPlayerOptimizer
{
    /// <summary>The current learning rate; drift coefficients are read from it every step.</summary>
    double LearningRate { get; set; }

    /// <summary>The player's parameters, which it updates in place (as a PyTorch optimiser holds its tensors): an update
    /// scheme evaluates the game at them.</summary>
    IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Whether the evaluations it observes must keep their first-order gradients differentiable (exact HVPs).</summary>
    bool NeedsGraph => false;

    /// <summary>Reads an evaluation whose gradient it is about to be handed, before the chain's transforms run (e.g.
    /// DAL's Hessian-gradient product).</summary>
    void Observe(StepContext context) { }

    void Step(IReadOnlyList<Tensor> gradients);
}
