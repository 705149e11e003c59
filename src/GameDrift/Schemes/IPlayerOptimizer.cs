using GameDrift.Torch;

namespace GameDrift.Schemes;

/// <summary>One player's optimiser as the schemes drive it: it applies a caller-computed gradient (loss gradient
/// plus regulariser terms, in parameter order) to the player's parameters in place. An <c>optim.Optimizer</c>
/// adapts in one line: <c>Step(grads) => opt.Step(grads)</c>, <c>LearningRate => opt.LearningRate</c>.</summary>
public interface IPlayerOptimizer
{
    /// <summary>The current learning rate; drift coefficients are read from it every step.</summary>
    double LearningRate { get; set; }

    void Step(IReadOnlyList<Tensor> gradients);
}
