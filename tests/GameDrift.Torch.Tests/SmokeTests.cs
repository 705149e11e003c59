using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

public class SmokeTests
{
    [Fact]
    public void ArithmeticAndPrinting()
    {
        using var a = torch.Tensor(new[] { 1.0, 2.0, 3.0 });
        using var b = a * 2 + 1;
        Assert.Equal(new[] { 3.0, 5.0, 7.0 }, b.ToArray<double>());
        Assert.Equal("tensor([3., 5., 7.], dtype=torch.float64)", b.ToString());
        using var c = torch.Tensor(new[] { 0.5f, 1.25f });
        Assert.Equal("tensor([0.5000, 1.2500])", c.ToString());
    }

    [Fact]
    public void DoubleBackpropOfGradientNorm()
    {
        // E = x^3 summed; dE/dx = 3x^2; ||grad||^2 = 9 sum x^4; d/dx = 36 x^3.
        using var x = torch.Tensor(new[] { 1.0, -2.0 }).RequiresGrad_();
        using var e = x.Pow(3).Sum();
        var g = Autograd.Grad(e, new[] { x }, createGraph: true)[0]!;
        using var n = g.Square().Sum();
        var gg = Autograd.Grad(n, new[] { x })[0]!;
        Assert.Equal(new[] { 36.0, -288.0 }, gg.ToArray<double>());
    }

    [Fact]
    public void ShapeMismatchThrowsWithLibtorchMessage()
    {
        using var a = torch.Zeros(2, 3);
        using var b = torch.Zeros(4, 5);
        var ex = Assert.Throws<TorchException>(() => a.Matmul(b));
        Assert.Contains("shapes cannot be multiplied", ex.Message);
        using var c = a + 1; // the process lives on
        Assert.Equal(6.0, c.Sum().ToDouble());
    }

    [Fact]
    public void DisposeScopeFreesTemporaries()
    {
        Tensor kept, a, b;
        using (var scope = torch.NewDisposeScope())
        {
            a = torch.Randn(3, 3);
            b = a.Matmul(a).Exp();
            kept = b.Sum().MoveToOuterDisposeScope();
            Assert.Equal(3, scope.Count); // a, a@a, exp (the sum moved out)
        }
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.True(double.IsFinite(kept.ToDouble()));
        kept.Dispose();
    }
}

public class FactoryRequiresGradTests
{
    [Fact]
    public void FactoriesHonourRequiresGrad()
    {
        using var a = torch.Zeros(new long[] { 2 }, requiresGrad: true);
        using var b = torch.Ones(new long[] { 2 }, torch.float64, requiresGrad: true);
        using var c = torch.Full(new long[] { 2 }, 3.0, requiresGrad: true);
        using var d = torch.Zeros(new long[] { 2 });
        Assert.True(a.RequiresGrad && b.RequiresGrad && c.RequiresGrad && a.IsLeaf);
        Assert.False(d.RequiresGrad);
    }
}
