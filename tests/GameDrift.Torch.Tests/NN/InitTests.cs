namespace GameDrift.Torch.Tests.NN;

public class InitTests
{
    private static void AssertIdentity(Tensor product, double scale, double tol)
    {
        using var eye = torch.Eye(product.Size(0), dtype: product.DType) * scale;
        using var diff = (product - eye).Abs().Max();
        Assert.True(diff.ToDouble() < tol, $"max |product − {scale}·I| = {diff.ToDouble()}");
    }

    [Fact]
    public void OrthogonalGivesOrthonormalRowsOrColumns()
    {
        using var scope = torch.NewDisposeScope();
        var wide = nn.init.Orthogonal_(torch.Empty(new long[] { 64, 128 }), generator: new Generator(1));
        AssertIdentity(wide.Matmul(wide.T()), 1, 1e-5);
        var tall = nn.init.Orthogonal_(torch.Empty(new long[] { 128, 64 }), generator: new Generator(2));
        AssertIdentity(tall.T().Matmul(tall), 1, 1e-5);
        var scaled = nn.init.Orthogonal_(torch.Empty(new long[] { 32, 32 }, ScalarType.Float64), gain: 2, generator: new Generator(3));
        AssertIdentity(scaled.Matmul(scaled.T()), 4, 1e-12);
        var conv = nn.init.Orthogonal_(torch.Empty(new long[] { 16, 4, 3, 3 }), generator: new Generator(4)).Reshape(16, -1);
        AssertIdentity(conv.Matmul(conv.T()), 1, 1e-5);
        Assert.Throws<ArgumentException>(() => nn.init.Orthogonal_(torch.Empty(new long[] { 5 })));
    }

    [Fact]
    public void KaimingMatchesItsStandardDeviationOnALargeTensor()
    {
        using var scope = torch.NewDisposeScope();
        var w = nn.init.KaimingNormal_(torch.Empty(new long[] { 1000, 500 }), generator: new Generator(1));
        var std = Math.Sqrt(2.0 / 500); // gain √2 (leaky ReLU with a = 0), fan_in 500
        Assert.InRange(w.Std().ToDouble(), 0.99 * std, 1.01 * std);
        Assert.True(Math.Abs(w.Mean().ToDouble()) < 0.01 * std);

        var u = nn.init.KaimingUniform_(torch.Empty(new long[] { 1000, 500 }), mode: nn.FanMode.FanOut,
            nonlinearity: nn.Nonlinearity.ReLU, generator: new Generator(2));
        var bound = Math.Sqrt(3) * Math.Sqrt(2.0 / 1000); // fan_out 1000
        Assert.True(u.Abs().Max().ToDouble() <= bound);
        Assert.InRange(u.Std().ToDouble(), 0.99 * bound / Math.Sqrt(3), 1.01 * bound / Math.Sqrt(3));
    }

    [Fact]
    public void XavierUsesFanInPlusFanOut()
    {
        using var scope = torch.NewDisposeScope();
        var u = nn.init.XavierUniform_(torch.Empty(new long[] { 300, 200 }), gain: 2, generator: new Generator(1));
        var bound = 2 * Math.Sqrt(6.0 / 500);
        Assert.True(u.Abs().Max().ToDouble() <= bound);
        Assert.True(u.Abs().Max().ToDouble() > 0.99 * bound);
        var n = nn.init.XavierNormal_(torch.Empty(new long[] { 300, 200 }), generator: new Generator(2));
        Assert.InRange(n.Std().ToDouble(), 0.98 * Math.Sqrt(2.0 / 500), 1.02 * Math.Sqrt(2.0 / 500));
    }

    [Fact]
    public void GainsAndFansFollowPyTorch()
    {
        Assert.Equal(1.0, nn.init.CalculateGain(nn.Nonlinearity.Linear));
        Assert.Equal(1.0, nn.init.CalculateGain(nn.Nonlinearity.Sigmoid));
        Assert.Equal(5.0 / 3, nn.init.CalculateGain(nn.Nonlinearity.Tanh));
        Assert.Equal(Math.Sqrt(2), nn.init.CalculateGain(nn.Nonlinearity.ReLU));
        Assert.Equal(Math.Sqrt(2 / 1.0001), nn.init.CalculateGain(nn.Nonlinearity.LeakyReLU), 15);
        Assert.Equal(Math.Sqrt(2 / 1.04), nn.init.CalculateGain(nn.Nonlinearity.LeakyReLU, 0.2), 15);
        Assert.Equal(0.75, nn.init.CalculateGain(nn.Nonlinearity.SELU));
        using var w = torch.Empty(new long[] { 8, 6, 3, 3 });
        Assert.Equal((54L, 72L), nn.init.CalculateFanInAndFanOut(w));
        using var v = torch.Empty(new long[] { 4 });
        Assert.Throws<ArgumentException>(() => nn.init.CalculateFanInAndFanOut(v));
    }

    [Fact]
    public void SimpleFillersWorkOnParametersWithoutRecordingGradients()
    {
        using var lin = new nn.Linear(3, 2);
        using var scope = torch.NewDisposeScope();
        nn.init.Constant_(lin.Weight, 0.25);
        Assert.All(lin.Weight.ToArray<float>(), v => Assert.Equal(0.25f, v));
        Assert.True(lin.Weight.IsLeaf && lin.Weight.RequiresGrad);
        nn.init.Ones_(lin.Bias!);
        Assert.Equal(new[] { 1f, 1f }, lin.Bias!.ToArray<float>());
        nn.init.Zeros_(lin.Bias!);
        Assert.Equal(new[] { 0f, 0f }, lin.Bias!.ToArray<float>());
        var a = nn.init.Normal_(torch.Empty(new long[] { 10 }), 1, 2, new Generator(9)).ToArray<float>();
        var b = nn.init.Normal_(torch.Empty(new long[] { 10 }), 1, 2, new Generator(9)).ToArray<float>();
        Assert.Equal(a, b);
        var c = nn.init.Uniform_(torch.Empty(new long[] { 1000 }), -3, -2, new Generator(9));
        Assert.InRange(c.Min().ToDouble(), -3, -2.99);
        Assert.InRange(c.Max().ToDouble(), -2.01, -2);
    }
}
