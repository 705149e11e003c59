namespace GameDrift.Torch.nn;

/// <summary>Zeroes each element with probability p and scales the rest by 1/(1−p) in training mode;
/// the identity in evaluation mode (torch.nn.Dropout).</summary>
public sealed class Dropout : Module
{
    public Dropout(double p = 0.5)
    {
        if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability must be in [0, 1], got {p}");
        P = p;
    }

    public double P { get; }

    public override Tensor Forward(Tensor input) => functional.Dropout(input, P, IsTraining);

    protected override string ExtraRepr() => $"p={Format(P)}";
}
