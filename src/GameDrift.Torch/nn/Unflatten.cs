namespace GameDrift.Torch.nn;

/// <summary>Splits dimension <c>dim</c> into <c>sizes</c> (torch.nn.Unflatten), e.g. (N, 256) → (N, 16, 4, 4).
/// One size may be −1.</summary>
public sealed class Unflatten : Module
{
    private readonly long[] sizes;

    public Unflatten(long dim, params long[] sizes)
    {
        if (sizes.Length == 0) throw new ArgumentException("Unflatten needs at least one size", nameof(sizes));
        Dim = dim;
        this.sizes = (long[])sizes.Clone();
    }

    public long Dim { get; }
    public IReadOnlyList<long> Sizes => sizes;

    public override Tensor Forward(Tensor input)
    {
        var s = input.Shape;
        var d = Dim < 0 ? Dim + s.Length : Dim;
        if (d < 0 || d >= s.Length) throw new ArgumentException($"Unflatten dim {Dim} is out of range for a {s.Length}D input");
        return input.Reshape(s[..(int)d].Concat(sizes).Concat(s[((int)d + 1)..]).ToArray());
    }

    protected override string ExtraRepr() => $"dim={Dim}, unflattened_size=({string.Join(", ", sizes)})";
}
