using GameDrift.Torch;
using GameDrift.Torch.optim;

namespace GameDrift.Schemes;

/// <summary>Drives an <see cref="Optimizer"/> as one player's <see cref="IPlayerOptimizer"/>.</summary>
public sealed class OptimizerAdapter(Optimizer optimizer) : IPlayerOptimizer
{
    public Optimizer Optimizer { get; } = optimizer ?? throw new ArgumentNullException(nameof(optimizer));

    public double LearningRate { get => Optimizer.LearningRate; set => Optimizer.LearningRate = value; }

    public void Step(IReadOnlyList<Tensor> gradients) => Optimizer.Step(gradients);
}
