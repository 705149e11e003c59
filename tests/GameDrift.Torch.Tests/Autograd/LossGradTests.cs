using GameDrift.Torch;
using GameDrift.Torch.nn;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>Losses under every reduction, with respect to predictions and (where differentiable) targets.</summary>
public class LossGradTests
{
    public static TheoryData<Reduction> Reductions => new() { Reduction.Mean, Reduction.Sum, Reduction.None };

    [Theory, MemberData(nameof(Reductions))]
    public void BinaryCrossEntropyWithLogits(Reduction r)
    {
        using var rng = new Rng(51);
        using var logits = rng.Normal(3, 2);
        using var target = rng.Uniform(0.1, 0.9, 3, 2);
        using var weight = rng.Uniform(0.5, 2, 2);
        GradCheck.Assert(x => F.BinaryCrossEntropyWithLogits(x[0], x[1], reduction: r), logits, target);
        // libtorch does not differentiate with respect to the weight; it is a constant here.
        GradCheck.Assert(x => F.BinaryCrossEntropyWithLogits(x[0], x[1], weight, r), logits, target);
    }

    [Theory, MemberData(nameof(Reductions))]
    public void BinaryCrossEntropy(Reduction r)
    {
        using var rng = new Rng(52);
        using var p = rng.Uniform(0.1, 0.9, 4);
        using var target = rng.Uniform(0, 1, 4);
        GradCheck.Assert(x => F.BinaryCrossEntropy(x[0], target, r), p);
    }

    [Theory, MemberData(nameof(Reductions))]
    public void MseAndL1(Reduction r)
    {
        using var rng = new Rng(53);
        using var a = rng.Normal(2, 3);
        using var b = rng.Normal(2, 3);
        GradCheck.Assert(x => F.MseLoss(x[0], x[1], r), a, b);
        GradCheck.Assert(x => F.L1Loss(x[0], x[1], r), a, b);
    }

    [Theory, MemberData(nameof(Reductions))]
    public void CrossEntropyAndNll(Reduction r)
    {
        using var rng = new Rng(54);
        using var logits = rng.Normal(4, 3);
        using var labels = torch.Tensor(new long[] { 2, 0, 1, 2 });
        GradCheck.Assert(x => F.CrossEntropy(x[0], labels, r), logits);
        GradCheck.Assert(x => F.CrossEntropy(x[0], labels, r, labelSmoothing: 0.2), logits);
        GradCheck.Assert(x => F.NllLoss(x[0].LogSoftmax(1), labels, r), logits);
    }
}
