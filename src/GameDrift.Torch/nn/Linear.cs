namespace GameDrift.Torch.nn;

/// <summary>y = x W^T + b with W of shape (out, in) (torch.nn.Linear).</summary>
public sealed class Linear : WeightedModule
{
    public Linear(long inFeatures, long outFeatures, bool bias = true, Generator? generator = null)
        : base(new[] { outFeatures, inFeatures }, bias ? outFeatures : 0, generator)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
    }

    public long InFeatures { get; }
    public long OutFeatures { get; }

    public override Tensor Forward(Tensor input, Tensor weight) => functional.Linear(input, weight, Bias);

    protected override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, bias={Bias is not null}";
}
