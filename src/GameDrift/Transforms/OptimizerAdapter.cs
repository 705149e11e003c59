using GameDrift.Torch;
using GameDrift.Torch.optim;

namespace GameDrift.Transforms;

/// <summary>Drives an <see cref="Optimizer"/> as one player's <see cref="IPlayerOptimizer"/>.</summary>
public sealed class OptimizerAdapter(Optimizer optimizer) : IPlayerOptimizer
{
    public Optimizer Optimizer { get; } = optimizer ?? throw new ArgumentNullException(nameof(optimizer));

    public double LearningRate { get => Optimizer.LearningRate; set => Optimizer.LearningRate = value; }

    public IReadOnlyList<Tensor> Parameters => Optimizer.Parameters;

    public void Step(IReadOnlyList<Tensor> gradients) => Optimizer.Step(gradients);

    /// <summary>Plain SGD, <c>p -= lr * g</c> in place (no momentum, no weight decay): the Euler update of spec §3.1.</summary>
    public static OptimizerAdapter Sgd(IEnumerable<Tensor> parameters, double learningRate) => new(new SGD(parameters, learningRate));
}
