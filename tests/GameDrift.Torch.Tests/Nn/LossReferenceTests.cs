using GameDrift.Torch;
using GameDrift.Torch.nn;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>Losses against their formulas under each reduction (which also proves the reduction codes are mapped right).</summary>
public class LossReferenceTests
{
    private static double[] Reduce(double[] v, Reduction r) => r switch
    {
        Reduction.None => v,
        Reduction.Sum => new[] { v.Sum() },
        _ => new[] { v.Average() },
    };

    private static void AssertValues(double[] expected, Tensor actual)
    {
        var a = actual.ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (var i = 0; i < a.Length; i++) Assert.True(Math.Abs(expected[i] - a[i]) <= 1e-12 * (1 + Math.Abs(a[i])), $"{i}: {expected[i]:R} vs {a[i]:R}");
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static TheoryData<Reduction> Reductions => new() { Reduction.Mean, Reduction.Sum, Reduction.None };

    [Theory, MemberData(nameof(Reductions))]
    public void BinaryCrossEntropyFamily(Reduction r)
    {
        double[] x = { -2, -0.5, 0.3, 4 }, y = { 0, 1, 0.25, 1 }, w = { 1, 2, 0.5, 3 };
        using var tx = torch.Tensor(x);
        using var ty = torch.Tensor(y);
        using var tw = torch.Tensor(w);
        var bce = x.Select((v, i) => -(y[i] * Math.Log(Sigmoid(v)) + (1 - y[i]) * Math.Log(1 - Sigmoid(v)))).ToArray();
        AssertValues(Reduce(bce, r), F.BinaryCrossEntropyWithLogits(tx, ty, reduction: r));
        AssertValues(Reduce(bce.Select((v, i) => v * w[i]).ToArray(), r), F.BinaryCrossEntropyWithLogits(tx, ty, tw, r));
        using var p = tx.Sigmoid();
        AssertValues(Reduce(bce, r), F.BinaryCrossEntropy(p, ty, r));
    }

    [Theory, MemberData(nameof(Reductions))]
    public void RegressionLosses(Reduction r)
    {
        double[] a = { 1, -2, 0.5 }, b = { 0.5, 1, 0.5 };
        using var ta = torch.Tensor(a);
        using var tb = torch.Tensor(b);
        AssertValues(Reduce(a.Select((v, i) => (v - b[i]) * (v - b[i])).ToArray(), r), F.MseLoss(ta, tb, r));
        AssertValues(Reduce(a.Select((v, i) => Math.Abs(v - b[i])).ToArray(), r), F.L1Loss(ta, tb, r));
    }

    [Theory, MemberData(nameof(Reductions))]
    public void CrossEntropyWithAndWithoutLabelSmoothing(Reduction r)
    {
        double[,] logits = { { 1, 2, 0.5 }, { -1, 0, 3 } };
        long[] labels = { 1, 0 };
        using var tl = torch.Tensor(logits);
        using var ty = torch.Tensor(labels);
        double[] LogSoftmax(int n)
        {
            var row = Enumerable.Range(0, 3).Select(k => logits[n, k]).ToArray();
            var lse = Math.Log(row.Sum(Math.Exp));
            return row.Select(v => v - lse).ToArray();
        }
        var nll = Enumerable.Range(0, 2).Select(n => -LogSoftmax(n)[labels[n]]).ToArray();
        AssertValues(Reduce(nll, r), F.CrossEntropy(tl, ty, r));
        using var ls = tl.LogSoftmax(1);
        AssertValues(Reduce(nll, r), F.NllLoss(ls, ty, r));
        // Label smoothing eps: (1 - eps) * nll + eps * mean over classes of -log p.
        const double eps = 0.1;
        var smooth = Enumerable.Range(0, 2).Select(n => (1 - eps) * nll[n] + eps * -LogSoftmax(n).Average()).ToArray();
        AssertValues(Reduce(smooth, r), F.CrossEntropy(tl, ty, r, eps));
    }
}
