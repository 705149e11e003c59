using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>Linear combinations of gradient lists, built without a graph.</summary>
internal static class TermSum
{
    public static Tensor[] Combine(params (double Coefficient, IReadOnlyList<Tensor> Term)[] parts)
    {
        using var _ = torch.NoGrad();
        Tensor[]? sum = null;
        foreach (var (c, t) in parts)
            sum = sum is null ? t.Select(x => x * c).ToArray() : sum.Zip(t, (s, x) => s + x * c).ToArray();
        return sum ?? throw new ArgumentException("nothing to combine");
    }
}
