using GameDrift.Torch;

namespace GameDrift.Torch.Tests.Functional;

/// <summary>Tensor.Substitute is a functional call's parameter swap: code that reads a tensor computes at its substitute,
/// gradients are the substitute's, and the tensor is itself again afterwards.</summary>
public class SubstituteTests
{
    [Fact]
    public void CodeReadingATensorComputesAtItsSubstituteAndDifferentiatesIt()
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.Tensor(new[] { 1.0, 2.0 }).RequiresGrad_();
        var v = torch.Tensor(new[] { 3.0, -1.0 }).RequiresGrad_();
        Tensor F(Tensor x) => (x * w).Square().Sum(); // a closure over w, as a module's forward reads its weight
        var x = torch.Tensor(new[] { 0.5, 2.0 });
        Tensor y;
        using (Tensor.Substitute([w], [v])) y = F(x);
        Assert.Equal(Math.Pow(0.5 * 3, 2) + Math.Pow(2.0 * -1, 2), y.ToDouble(), 14);
        var grads = Autograd.Grad(y, [w, v], allowUnused: true);
        Assert.Null(grads[0]); // w took no part
        Assert.Equal(new[] { 2 * 0.5 * 0.5 * 3, 2 * 2.0 * 2.0 * -1 }, grads[1]!.ToArray<double>());
        Assert.Equal(new[] { 1.0, 2.0 }, w.ToArray<double>());
        Assert.Equal(0.25 + 16, F(x).ToDouble(), 14); // w is itself again
    }

    [Fact]
    public void TensorsCanSwapWithEachOther()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.Tensor(new[] { 1.0 });
        var b = torch.Tensor(new[] { 2.0 });
        using (Tensor.Substitute([a, b], [b, a]))
            Assert.Equal(1.0, (a - b).ToDouble()); // 2 - 1
        Assert.Equal(-1.0, (a - b).ToDouble());
    }

    [Fact]
    public void ASubstituteOfAnotherShapeIsRefusedByName()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.Zeros(new long[] { 2, 3 });
        var e = Assert.Throws<ArgumentException>(() => Tensor.Substitute([a], [torch.Zeros(new long[] { 3, 2 })]));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[3, 2]", e.Message);
        Assert.Equal(new long[] { 2, 3 }, a.Shape);
        Assert.Throws<ArgumentException>(() => Tensor.Substitute([a], []));
    }
}
