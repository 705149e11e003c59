namespace GameDrift.Torch.optim;

/// <summary>Parameters that share hyper-parameters (PyTorch's param_groups entries).</summary>
public sealed class ParamGroup
{
    internal ParamGroup(IReadOnlyList<Tensor> parameters, OptimizerOptions options, int firstIndex)
    {
        Parameters = parameters;
        Options = options;
        FirstIndex = firstIndex;
    }

    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>This group's hyper-parameters; changes take effect at the next step.</summary>
    public OptimizerOptions Options { get; }

    public double LearningRate
    {
        get => Options.LearningRate;
        set => Options.LearningRate = value;
    }

    /// <summary>Index of this group's first parameter in <see cref="Optimizer.Parameters"/>.</summary>
    public int FirstIndex { get; }
}
