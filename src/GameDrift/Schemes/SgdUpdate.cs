using GameDrift.Torch;

namespace GameDrift.Schemes;

/// <summary>Plain SGD, exactly <c>p -= lr * g</c> in place (no momentum, no weight decay): the Euler update of spec §3.1.</summary>
public sealed class SgdUpdate : IPlayerOptimizer
{
    private readonly Tensor[] parameters;
    private double learningRate;

    public SgdUpdate(IEnumerable<Tensor> parameters, double learningRate)
    {
        this.parameters = parameters.ToArray();
        LearningRate = learningRate;
    }

    public double LearningRate
    {
        get => learningRate;
        set => learningRate = value > 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "the learning rate must be positive and finite");
    }

    public void Step(IReadOnlyList<Tensor> gradients)
    {
        if (gradients.Count != parameters.Length)
            throw new ArgumentException($"got {gradients.Count} gradients for {parameters.Length} parameters");
        using var _ = torch.NoGrad();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!gradients[i].Shape.SequenceEqual(parameters[i].Shape))
                throw new ArgumentException($"gradient {i} has shape [{string.Join(",", gradients[i].Shape)}], parameter [{string.Join(",", parameters[i].Shape)}]");
            parameters[i].Add_(gradients[i], -learningRate);
        }
    }
}
