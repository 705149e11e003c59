using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>The checker must catch wrong gradients, or every test built on it proves nothing.</summary>
public class GradCheckSelfTests
{
    [Fact]
    public void DetectsAWrongFirstDerivative()
    {
        using var rng = new Rng(1);
        using var x = rng.Normal(5);
        // x.detach() * x has autograd gradient x, but the function's derivative is 2x.
        var r = GradCheck.Compare(a => a[0].Detach() * a[0], new[] { x });
        Assert.True(r.Violation > 0.1, r.ToString());
    }

    [Fact]
    public void DetectsAWrongSecondDerivative()
    {
        using var rng = new Rng(2);
        using var x = rng.Uniform(0.5, 1.5, 4);
        // sum(3 x0^2 x) - 2 sum(x0^3) with x0 = x.detach() has the value and the gradient (3x^2) of sum(x^3)
        // at every point, but the gradient's own graph is constant: double backprop yields 0 instead of 6x.
        Func<Tensor[], Tensor> f = a =>
        {
            var x0 = a[0].Detach();
            return (3 * x0.Square() * a[0]).Sum() - 2 * x0.Pow(3).Sum();
        };
        Assert.True(GradCheck.Compare(f, new[] { x }).Violation <= 0, "the first derivative is right");
        var second = GradCheck.CompareSecondOrder(f, new[] { x });
        Assert.True(second.Violation > 0.1, second.ToString());
        Assert.True(GradCheck.CompareSecondOrder(a => a[0].Pow(3).Sum(), new[] { x }).Violation <= 0);
    }

    [Fact]
    public void AcceptsACorrectGradientAndReportsSmallError()
    {
        using var rng = new Rng(3);
        using var x = rng.Normal(3, 4);
        var r = GradCheck.Compare(a => a[0].Sin() * a[0], new[] { x });
        Assert.True(r.Violation <= 0, r.ToString());
        Assert.True(r.MaxAbsError < 1e-8, r.ToString());
    }

    [Fact]
    public void RejectsFloat32Inputs()
    {
        using var x = torch.Ones(3);
        Assert.Throws<ArgumentException>(() => GradCheck.Compare(a => a[0] * 2, new[] { x }));
    }
}
