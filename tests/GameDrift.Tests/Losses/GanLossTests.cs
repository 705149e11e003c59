using GameDrift.Losses;
using GameDrift.Torch;

namespace GameDrift.Tests.Losses;

public class GanLossTests
{
    private static readonly double[] Real = { 0.3, -1.2, 2.0 }, Fake = { -0.5, 0.8 };
    private static double Sp(double x) => Math.Log(1 + Math.Exp(x));

    [Theory]
    [InlineData("saturating")]
    [InlineData("non-saturating")]
    [InlineData("hinge")]
    [InlineData("wasserstein")]
    public void LossesMatchTheirFormulas(string name)
    {
        var loss = GanLoss.Parse(name);
        using var r = torch.Tensor(Real);
        using var f = torch.Tensor(Fake);
        var (l1, l2) = loss.Compute(r, f);
        double goodfellow = Real.Average(x => Sp(-x)) + Fake.Average(Sp);
        var (e1, e2) = name switch
        {
            "saturating" => (goodfellow, -Fake.Average(Sp)),
            "non-saturating" => (goodfellow, Fake.Average(x => Sp(-x))),
            "hinge" => (Real.Average(x => Math.Max(0, 1 - x)) + Fake.Average(x => Math.Max(0, 1 + x)), -Fake.Average()),
            _ => (Fake.Average() - Real.Average(), -Fake.Average()),
        };
        Assert.Equal(e1, l1.ToDouble(), 12);
        Assert.Equal(e2, l2.ToDouble(), 12);
    }

    [Fact]
    public void SaturatingIsTheZeroSumGameAndEqualsLogOneMinusD()
    {
        Assert.True(GanLoss.Saturating.IsZeroSum);
        Assert.False(GanLoss.NonSaturating.IsZeroSum);
        using var r = torch.Tensor(Real);
        using var f = torch.Tensor(Fake);
        var (_, l2) = GanLoss.Saturating.Compute(r, f);
        // L2 = E log(1 - sigma(D(G(z)))) (spec §4.3).
        Assert.Equal(Fake.Average(x => Math.Log(1 - 1 / (1 + Math.Exp(-x)))), l2.ToDouble(), 12);
    }

    [Fact]
    public void UnknownLossIsAClearError() =>
        Assert.Contains("unknown GAN loss", Assert.Throws<ArgumentException>(() => GanLoss.Parse("lsgan")).Message);
}
