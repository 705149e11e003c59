namespace GameDrift.Torch.nn;

/// <summary>A layer with a weight and an optional bias (Linear, Conv2d, ConvTranspose2d). Its forward takes
/// the weight from <see cref="ComputeWeight"/>, so a reparametrisation such as <see cref="SpectralNorm"/>
/// can stand in for the raw parameter.</summary>
public abstract class WeightedModule : Module
{
    /// <summary>Creates the weight and bias with PyTorch's default initialisation.</summary>
    protected WeightedModule(long[] weightShape, long biasSize, Generator? generator)
    {
        Weight = RegisterParameter("weight", torch.Empty(weightShape));
        if (biasSize > 0) Bias = RegisterParameter("bias", torch.Empty(new[] { biasSize }));
        ResetParameters(generator);
    }

    /// <summary>The trainable weight (registered as <c>weight</c>, or as <c>weight_orig</c> under spectral norm).</summary>
    public Tensor Weight { get; }

    public Tensor? Bias { get; }

    /// <summary>Replaces the raw weight in the forward pass, or null for none.</summary>
    public IWeightReparametrization? Reparametrization { get; set; }

    /// <summary>PyTorch's default: weight kaiming_uniform(a = sqrt 5), i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
    /// and the bias from the same uniform distribution.</summary>
    public void ResetParameters(Generator? generator = null)
    {
        init.KaimingUniform_(Weight, a: Math.Sqrt(5), generator: generator);
        if (Bias is null) return;
        var (fanIn, _) = init.CalculateFanInAndFanOut(Weight);
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        init.Uniform_(Bias, -bound, bound, generator);
    }

    /// <summary>The weight the forward uses: the reparametrised weight, or a handle to <see cref="Weight"/>.
    /// Always a new tensor the caller owns.</summary>
    public Tensor ComputeWeight() => Reparametrization?.Compute(this) ?? Weight.Alias();

    public sealed override Tensor Forward(Tensor input)
    {
        // Autograd keeps what it needs of the weight, so the handle can go at once.
        using var w = ComputeWeight();
        return Forward(input, w);
    }

    /// <summary>The layer's computation with an explicit weight (and this layer's bias and settings).</summary>
    public abstract Tensor Forward(Tensor input, Tensor weight);
}
