namespace GameDrift.Torch.Tests.NN;

public class LayerTests
{
    private static double MaxAbs(Tensor t) => t.Abs().Max().ToDouble();

    [Fact]
    public void LinearComputesXWTransposePlusB()
    {
        using var lin = new nn.Linear(3, 2);
        using var scope = torch.NewDisposeScope();
        using (torch.NoGrad())
        {
            lin.Weight.Copy_(torch.Tensor(new float[,] { { 1, 2, 3 }, { -1, 0, 1 } }));
            lin.Bias!.Copy_(torch.Tensor(0.5f, -0.5f));
        }
        var y = lin.Forward(torch.Tensor(new float[,] { { 1, 1, 1 }, { 0, 1, 2 } }));
        Assert.Equal(new float[] { 6.5f, -0.5f, 8.5f, 1.5f }, y.ToArray<float>());
        Assert.Null(new nn.Linear(3, 2, bias: false).Bias);
    }

    [Fact]
    public void LinearDefaultInitIsUniformWithBoundOneOverSqrtFanIn()
    {
        using var lin = new nn.Linear(100, 50, generator: new Generator(7));
        using var scope = torch.NewDisposeScope();
        const double bound = 0.1; // 1/sqrt(100)
        Assert.True(MaxAbs(lin.Weight) <= bound);
        Assert.True(MaxAbs(lin.Weight) > 0.99 * bound);
        Assert.InRange(lin.Weight.Std().ToDouble(), 0.97 * bound / Math.Sqrt(3), 1.03 * bound / Math.Sqrt(3));
        Assert.True(MaxAbs(lin.Bias!) <= bound);
    }

    [Fact]
    public void ConvTransposeFanInComesFromWeightDimensionOne()
    {
        using var ct = new nn.ConvTranspose2d(8, 6, 3, generator: new Generator(3));
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new long[] { 8, 6, 3, 3 }, ct.Weight.Shape);
        var bound = 1 / Math.Sqrt(6 * 9); // fan_in = size(1)·k² = 54, not 8·9 = 72
        Assert.True(MaxAbs(ct.Weight) <= bound);
        Assert.True(MaxAbs(ct.Weight) > 1 / Math.Sqrt(72));
        Assert.True(MaxAbs(ct.Bias!) <= bound);
        Assert.Equal((54L, 72L), nn.init.CalculateFanInAndFanOut(ct.Weight));
    }

    [Fact]
    public void ConvolutionsHonourStridePaddingDilationAndGroups()
    {
        using var scope = torch.NewDisposeScope();
        var conv = new nn.Conv2d(4, 6, 3, stride: 2, padding: 1, groups: 2);
        Assert.Equal(new long[] { 6, 2, 3, 3 }, conv.Weight.Shape);
        Assert.Equal(new long[] { 1, 6, 4, 4 }, conv.Forward(torch.Randn(1, 4, 8, 8)).Shape);
        var dil = new nn.Conv2d(1, 1, (3, 3), dilation: (2, 2), bias: false);
        Assert.Equal(new long[] { 1, 1, 4, 4 }, dil.Forward(torch.Randn(1, 1, 8, 8)).Shape);
        var up = new nn.ConvTranspose2d(4, 2, 3, stride: 2, padding: 1, outputPadding: 1);
        Assert.Equal(new long[] { 1, 2, 8, 8 }, up.Forward(torch.Randn(1, 4, 4, 4)).Shape);
        Assert.Throws<ArgumentException>(() => new nn.Conv2d(3, 6, 3, groups: 2));
        Assert.Contains("kernel_size=(3, 3), stride=(2, 2), padding=(1, 1)", conv.ToString());
    }

    [Fact]
    public void ASeededGeneratorReproducesTheInitialisation()
    {
        using var a = Nets.Discriminator(new Generator(5));
        using var b = Nets.Discriminator(new Generator(5));
        using var c = Nets.Discriminator(new Generator(6));
        foreach (var name in new[] { "0.weight", "0.bias", "2.weight", "2.bias" })
        {
            Assert.True(a.GetParameter(name).Equal(b.GetParameter(name)), name);
            Assert.False(a.GetParameter(name).Equal(c.GetParameter(name)), name);
        }
    }

    [Fact]
    public void BatchNormChecksItsInputDimensions()
    {
        using var bn1 = new nn.BatchNorm1d(3);
        using var bn2 = new nn.BatchNorm2d(3);
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new long[] { 4, 3, 5 }, bn1.Forward(torch.Randn(4, 3, 5)).Shape);
        Assert.Contains("4D", Assert.Throws<ArgumentException>(() => bn2.Forward(torch.Randn(4, 3))).Message);
        Assert.Throws<ArgumentException>(() => bn1.Forward(torch.Randn(4, 3, 2, 2)));
        using var plain = new nn.BatchNorm2d(3, affine: false, trackRunningStats: false);
        Assert.Empty(plain.Parameters());
        Assert.Empty(plain.Buffers());
        plain.Eval(); // no running statistics: evaluation still normalises with the batch
        var y = plain.Forward(torch.Randn(8, 3, 2, 2) * 3 + 1);
        Assert.True(y.Mean(new long[] { 0, 2, 3 }).Abs().Max().ToDouble() < 1e-5);
    }

    [Fact]
    public void EmbeddingLooksUpRows()
    {
        using var emb = new nn.Embedding(10, 3, new Generator(1));
        using var scope = torch.NewDisposeScope();
        var y = emb.Forward(torch.Tensor(new long[] { 2, 7, 2 }));
        Assert.Equal(new long[] { 3, 3 }, y.Shape);
        Assert.Equal(emb.Weight[2].ToArray<float>(), y[0].ToArray<float>());
        Assert.Equal(emb.Weight[7].ToArray<float>(), y[1].ToArray<float>());
    }

    [Fact]
    public void ActivationsMatchTheirFormulas()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.Tensor(-1.0, 0.5, 2.0);
        double[] Run(nn.Module m) => m.Forward(x).ToArray<double>();
        Assert.Equal(new[] { 0, 0.5, 2 }, Run(new nn.ReLU()));
        Assert.Equal(new[] { -0.2, 0.5, 2 }, Run(new nn.LeakyReLU(0.2)));
        Close.Equal(new[] { Math.Tanh(-1), Math.Tanh(0.5), Math.Tanh(2) }, Run(new nn.Tanh()), 1e-14);
        Close.Equal(new[] { 1 / (1 + Math.E), 1 / (1 + Math.Exp(-0.5)), 1 / (1 + Math.Exp(-2)) }, Run(new nn.Sigmoid()), 1e-14);
        Close.Equal(new[] { Math.Log(1 + Math.Exp(-2)) / 2, Math.Log(1 + Math.Exp(1)) / 2, 2 }, Run(new nn.Softplus(beta: 2, threshold: 3)), 1e-14);
        Close.Equal(new[] { Math.Exp(-1) - 1, 0.5, 2 }, Run(new nn.ELU()), 1e-14);
        Close.Equal(new[] { 3 * (Math.Exp(-1) - 1), 0.5, 2 }, Run(new nn.ELU(3)), 1e-14);
        Close.Equal(new[] { -0.15865525393145707, 0.34573123063700656, 1.9544997361036416 }, Run(new nn.GELU()), 1e-12);
        var id = new nn.Identity().Forward(x);
        Assert.NotSame(x, id);
        Assert.Equal(x.ToArray<double>(), id.ToArray<double>());
    }

    [Fact]
    public void ElUWithAlphaIsDifferentiable()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.Tensor(-1.0, 2.0).RequiresGrad_();
        new nn.ELU(3).Forward(x).Sum().Backward();
        Close.Equal(new[] { 3 * Math.Exp(-1), 1 }, x.Grad!.ToArray<double>(), 1e-14);
    }

    [Fact]
    public void FlattenUnflattenAndLambdaReshape()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.Randn(2, 3, 4, 5);
        var flat = new nn.Flatten().Forward(x);
        Assert.Equal(new long[] { 2, 60 }, flat.Shape);
        Assert.Equal(new long[] { 2, 12, 5 }, new nn.Flatten(1, 2).Forward(x).Shape);
        Assert.Equal(new long[] { 2, 3, 4, 5 }, new nn.Unflatten(1, 3, 4, 5).Forward(flat).Shape);
        Assert.Equal(new long[] { 2, 3, 20 }, new nn.Unflatten(-1, 3, -1).Forward(flat).Shape);
        var twice = new nn.Lambda(t => t * 2, "double");
        Assert.Equal((x * 2).ToArray<float>(), twice.Forward(x).ToArray<float>());
        Assert.Equal("Lambda(double)", twice.ToString());
    }

    [Fact]
    public void SequentialIndexesAndAppends()
    {
        var s = new nn.Sequential(new nn.Linear(2, 3)).Append(new nn.ReLU()).Append(new nn.Linear(3, 1));
        Assert.Equal(3, s.Count);
        Assert.IsType<nn.ReLU>(s[1]);
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, s.NamedParameters().Select(p => p.Name));
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new long[] { 5, 1 }, s.Forward(torch.Randn(5, 2)).Shape);
        s.Dispose();
    }
}
