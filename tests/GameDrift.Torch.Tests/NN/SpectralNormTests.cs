namespace GameDrift.Torch.Tests.NN;

public class SpectralNormTests
{
    private static double TopSingularValue(Tensor matrix)
    {
        var (u, s, vh) = torch.linalg.Svd(matrix);
        using (u) using (vh) using (s) return s[0].ToDouble();
    }

    [Fact]
    public void ParametersAndBuffersAreNamedAsInPyTorch()
    {
        var lin = nn.SpectralNorm.Apply(new nn.Linear(5, 3));
        using var net = new nn.Sequential(lin);
        Assert.Equal(new[] { "0.bias", "0.weight_orig" }, net.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "0.weight_u", "0.weight_v" }, net.NamedBuffers().Select(b => b.Name));
        Assert.Same(lin.Weight, net.GetParameter("0.weight_orig"));
        Assert.Equal(new long[] { 3 }, net.GetBuffer("0.weight_u").Shape);
        Assert.Equal(new long[] { 5 }, net.GetBuffer("0.weight_v").Shape);
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new[] { "0.bias", "0.weight_orig", "0.weight_u", "0.weight_v" }, net.StateDict().Keys);
        Assert.Throws<InvalidOperationException>(() => nn.SpectralNorm.Apply(lin));
    }

    [Fact]
    public void SigmaConvergesToTheLargestSingularValueAndTheNormalisedWeightHasNormOne()
    {
        var lin = nn.SpectralNorm.Apply(new nn.Linear(20, 10, generator: new Generator(1)), nPowerIterations: 500, generator: new Generator(2));
        using var net = new nn.Sequential(lin);
        net.To(ScalarType.Float64);
        using var scope = torch.NewDisposeScope();
        var sn = (nn.SpectralNorm)lin.Reparametrization!;
        var initialSigma = sn.Sigma(lin).ToDouble();
        net.Forward(torch.Randn(new long[] { 4, 20 }, dtype: ScalarType.Float64)); // training mode: 500 power iterations
        var expected = TopSingularValue(lin.Weight);
        Assert.True(Math.Abs(initialSigma - expected) > 1e-6 * expected); // random u, v start off
        Close.Equal(expected, sn.Sigma(lin).ToDouble(), 1e-10);
        net.Eval();
        Close.Equal(1.0, TopSingularValue(lin.ComputeWeight()), 1e-10);
    }

    [Fact]
    public void ConvolutionsNormaliseTheRightMatrix()
    {
        using var scope = torch.NewDisposeScope();
        var conv = nn.SpectralNorm.Apply(new nn.Conv2d(3, 8, 4, generator: new Generator(1)), generator: new Generator(2));
        Assert.Equal(new long[] { 8 }, conv.GetBuffer("weight_u").Shape);
        Assert.Equal(new long[] { 48 }, conv.GetBuffer("weight_v").Shape);
        var tconv = nn.SpectralNorm.Apply(new nn.ConvTranspose2d(4, 6, 3, generator: new Generator(3)), generator: new Generator(4));
        Assert.Equal(1, ((nn.SpectralNorm)tconv.Reparametrization!).Dim);
        Assert.Equal(new long[] { 6 }, tconv.GetBuffer("weight_u").Shape);
        Assert.Equal(new long[] { 36 }, tconv.GetBuffer("weight_v").Shape);

        var sn = (nn.SpectralNorm)tconv.Reparametrization!;
        sn.PowerIterate(tconv, 300);
        var matrix = tconv.Weight.Permute(1, 0, 2, 3).Reshape(6, -1);
        Close.Equal(TopSingularValue(matrix), sn.Sigma(tconv).ToDouble(), 1e-5);
        Assert.Equal(new long[] { 1, 6, 7, 7 }, tconv.Forward(torch.Randn(1, 4, 5, 5)).Shape);
    }

    [Fact]
    public void PowerIterationRunsInTrainingModeOnly()
    {
        var lin = nn.SpectralNorm.Apply(new nn.Linear(4, 3));
        using var net = new nn.Sequential(lin);
        using var scope = torch.NewDisposeScope();
        var x = torch.Randn(2, 4);
        var u0 = lin.GetBuffer("weight_u").ToArray<float>();
        net.Eval().Forward(x);
        Assert.Equal(u0, lin.GetBuffer("weight_u").ToArray<float>());
        net.Train().Forward(x);
        Assert.NotEqual(u0, lin.GetBuffer("weight_u").ToArray<float>());
    }

    [Fact]
    public void GradientsReachWeightOrigAndMatchFiniteDifferences()
    {
        var lin = nn.SpectralNorm.Apply(new nn.Linear(3, 2, generator: new Generator(1)), generator: new Generator(2));
        using var net = new nn.Sequential(lin);
        net.To(ScalarType.Float64);
        using var scope = torch.NewDisposeScope();
        var x = torch.Randn(new long[] { 5, 3 }, new Generator(3), ScalarType.Float64);
        // Two training forwards before one backward: u and v change in place in between, which must not break the graph.
        var loss = net.Forward(x).Square().Sum() + net.Forward(x).Sum();
        loss.Backward();
        var grad = lin.Weight.Grad!.ToArray<double>();
        Assert.Contains(grad, g => g != 0);

        // With u and v fixed (evaluation mode) the loss is a function of weight_orig alone: check by central differences.
        net.Eval();
        net.ZeroGrad();
        double Loss() { using var s = torch.NewDisposeScope(); return net.Forward(x).Square().Sum().ToDouble(); }
        net.Forward(x).Square().Sum().Backward();
        var analytic = lin.Weight.Grad!.ToArray<double>();
        const double h = 1e-6;
        for (var i = 0; i < analytic.Length; i++)
        {
            using var flat = lin.Weight.View(-1);
            using (torch.NoGrad()) flat[i] = flat[i] + h;
            var up = Loss();
            using (torch.NoGrad()) flat[i] = flat[i] - 2 * h;
            var down = Loss();
            using (torch.NoGrad()) flat[i] = flat[i] + h;
            Close.Equal((up - down) / (2 * h), analytic[i], 1e-6);
        }
    }

    [Fact]
    public void AGradientPenaltyDifferentiatesThroughTheNormalisation()
    {
        var l0 = nn.SpectralNorm.Apply(new nn.Linear(2, 8, generator: new Generator(1)), generator: new Generator(2));
        var l2 = nn.SpectralNorm.Apply(new nn.Linear(8, 1, generator: new Generator(3)), generator: new Generator(4));
        using var d = new nn.Sequential(l0, new nn.Tanh(), l2);
        d.To(ScalarType.Float64).Eval();
        using var scope = torch.NewDisposeScope();
        var x = torch.Randn(new long[] { 6, 2 }, new Generator(5), ScalarType.Float64).RequiresGrad_();

        double Penalty(bool backward)
        {
            using var s = torch.NewDisposeScope();
            var gx = Autograd.Grad(d.Forward(x).Sum(), new[] { x }, createGraph: true)[0]!;
            var penalty = (gx.Norm(2, new long[] { 1 }) - 1).Square().Mean();
            if (backward)
            {
                var grads = Autograd.Grad(penalty, new[] { l0.Weight, l2.Weight });
                Assert.All(grads, g => Assert.True(g!.IsFinite().All().ToBoolean() && g.Abs().Sum().ToDouble() > 0));
                l0.Weight.Grad = grads[0];
            }
            return penalty.ToDouble();
        }

        Penalty(backward: true);
        var analytic = l0.Weight.Grad!.ToArray<double>();
        const double h = 1e-6;
        using var flat = l0.Weight.View(-1);
        for (var i = 0; i < analytic.Length; i += 3)
        {
            using (torch.NoGrad()) flat[i] = flat[i] + h;
            var up = Penalty(false);
            using (torch.NoGrad()) flat[i] = flat[i] - 2 * h;
            var down = Penalty(false);
            using (torch.NoGrad()) flat[i] = flat[i] + h;
            Close.Equal((up - down) / (2 * h), analytic[i], 1e-5);
        }
    }

    [Fact]
    public void RemoveRestoresAPlainWeightHoldingTheNormalisedValues()
    {
        var lin = nn.SpectralNorm.Apply(new nn.Linear(6, 4), nPowerIterations: 200);
        using var net = new nn.Sequential(lin);
        using var scope = torch.NewDisposeScope();
        net.Forward(torch.Randn(1, 6));
        var u = lin.GetBuffer("weight_u");
        nn.SpectralNorm.Remove(lin);
        Assert.Null(lin.Reparametrization);
        Assert.True(u.IsDisposed);
        Assert.Equal(new[] { "0.bias", "0.weight" }, net.NamedParameters().Select(p => p.Name));
        Assert.Empty(net.Buffers());
        Close.Equal(1.0, TopSingularValue(lin.Weight), 1e-4);
    }
}
