using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>libtorch returns storage-less "ZeroTensors" for some constant-zero gradients (the second derivative
/// of abs or sign). Reading one used to crash the process; it must read as zeros and accept in-place updates.</summary>
public class ZeroGradientTests
{
    [Fact]
    public void SecondDerivativeOfAbsReadsAsZeros()
    {
        using var x = torch.Tensor(0.5, -0.7).RequiresGrad_();
        using var y = x.Abs().Sum();
        var g = Autograd.Grad(y, new[] { x }, createGraph: true)[0]!;
        Assert.Equal(new[] { 1.0, -1.0 }, g.ToArray<double>());
        var h = Autograd.Grad(g.Sum(), new[] { x })[0]!;
        Assert.Equal(new[] { 0.0, 0.0 }, h.ToArray<double>());
        Assert.Equal(0.0, h[1].ToDouble());
        Assert.Equal("tensor([0., 0.], dtype=torch.float64)", h.ToString());
        h.Mul_(2).Add_(1); // a gradient the caller owns can be updated in place (e.g. clipping)
        Assert.Equal(new[] { 1.0, 1.0 }, h.ToArray<double>());
    }

    [Fact]
    public void AccumulatedZeroGradCanBeZeroedAndSaved()
    {
        using var x = torch.Tensor(0.5, -0.7).RequiresGrad_();
        var g = Autograd.Grad(x.Abs().Sum(), new[] { x }, createGraph: true)[0]!;
        g.Sum().Backward();
        using var grad = x.Grad!;
        Assert.Equal(new[] { 0.0, 0.0 }, grad.ToArray<double>());
        grad.Zero_(); // what optimisers' zero_grad does
        grad.Add_(torch.Tensor(1.0, 2.0));
        using var again = x.Grad!;
        Assert.Equal(new[] { 1.0, 2.0 }, again.ToArray<double>());
        var path = Path.GetTempFileName();
        try
        {
            torch.Save(new Dictionary<string, Tensor> { ["g"] = again }, path);
            Assert.Equal(new[] { 1.0, 2.0 }, torch.Load(path)["g"].ToArray<double>());
        }
        finally { File.Delete(path); }
    }
}
