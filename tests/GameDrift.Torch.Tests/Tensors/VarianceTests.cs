namespace GameDrift.Torch.Tests;

/// <summary>Variance with a general correction, against the closed form sum((x - mean)^2) / (N - c). A correction above
/// 1 is where the shim must pick libtorch's correction overload (not the unbiased flag) on every libtorch version.</summary>
public class VarianceTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void VarAndStdDivideByNMinusTheCorrection(long correction)
    {
        double[] x = [1, 2, 3, 4, 10];
        var mean = x.Average();
        var ss = x.Sum(v => (v - mean) * (v - mean));
        using var t = torch.Tensor(x);
        using var v = t.Var(null, correction);
        using var s = t.Std([0], correction);
        Assert.Equal(ss / (x.Length - correction), v.ToDouble(), 12);
        Assert.Equal(Math.Sqrt(ss / (x.Length - correction)), s.ToDouble(), 12);
    }
}
