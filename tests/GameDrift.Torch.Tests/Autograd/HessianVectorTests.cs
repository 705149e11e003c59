using GameDrift.Torch;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>Hessian-vector products by double backprop against central differences of the gradient,
/// through every layer type of a GAN: H v ≈ (∇L(w + εv) − ∇L(w − εv)) / 2ε.</summary>
public class HessianVectorTests
{
    private static readonly long[][] Shapes =
    {
        new long[] { 3, 2, 3, 3 }, new long[] { 3 },   // conv2d
        new long[] { 3 }, new long[] { 3 },           // batch norm affine
        new long[] { 3, 2, 4, 4 }, new long[] { 2 },   // conv_transpose2d (in 3, out 2)
        new long[] { 1, 2 * 10 * 10 }, new long[] { 1 }, // linear
    };

    private static Tensor Loss(Tensor x, IReadOnlyList<Tensor> w)
    {
        var h = F.Conv2d(x, w[0], w[1], padding: new long[] { 1 });
        h = F.BatchNorm(h, null, null, w[2], w[3], training: true);
        h = F.LeakyRelu(h, 0.2);
        h = F.ConvTranspose2d(h, w[4], w[5], stride: new long[] { 2 }, padding: new long[] { 1 });  // 5x5 -> 10x10
        h = F.Tanh(F.Softplus(h));
        h = F.Sigmoid(h);
        var y = F.Linear(h.Flatten(1), w[6], w[7]);
        return y.Square().Mean() + y.Sum();
    }

    private static Tensor[] Gradient(Tensor x, Tensor[] w, bool createGraph = false) =>
        Autograd.Grad(Loss(x, w), w, createGraph: createGraph)!.Select(g => g!).ToArray();

    [Fact]
    public void DoubleBackpropMatchesFiniteDifferencesOfTheGradient()
    {
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(11);
        var x = rng.Normal(4, 2, 5, 5);
        var w = Shapes.Select(s => (rng.Normal(s) * 0.5).RequiresGrad_()).ToArray();
        w[2] = (rng.Uniform(0.5, 1.5, 3)).RequiresGrad_();
        var v = Shapes.Select(s => rng.Normal(s)).ToArray();

        var g = Gradient(x, w, createGraph: true);
        var gv = g.Zip(v, (a, b) => (a * b).Sum()).Aggregate((a, b) => a + b);
        var hv = Autograd.Grad(gv, w).Select(t => t!).ToArray();

        const double eps = 1e-5;
        Tensor[] Shifted(double s)
        {
            using var _ = torch.NoGrad();
            return w.Zip(v, (a, b) => (a + b * s).RequiresGrad_()).ToArray();
        }
        var gp = Gradient(x, Shifted(eps));
        var gm = Gradient(x, Shifted(-eps));
        double num = 0, den = 0;
        for (var i = 0; i < w.Length; i++)
        {
            var fd = (gp[i] - gm[i]) / (2 * eps);
            num += (hv[i] - fd).Square().Sum().ToDouble();
            den += fd.Square().Sum().ToDouble();
        }
        Assert.True(den > 1e-6, "the Hessian-vector product must not be trivially zero");
        var rel = Math.Sqrt(num / den);
        Assert.True(rel < 1e-6, $"relative error of H v: {rel:E3}");
    }

    [Fact]
    public void HessianIsSymmetric()
    {
        // <u, H v> = <v, H u> for any u, v: a second check of double backprop that needs no finite differences.
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(12);
        var x = rng.Normal(4, 2, 5, 5);
        var w = Shapes.Select(s => (rng.Normal(s) * 0.5).RequiresGrad_()).ToArray();
        var u = Shapes.Select(s => rng.Normal(s)).ToArray();
        var v = Shapes.Select(s => rng.Normal(s)).ToArray();
        double Bilinear(Tensor[] a, Tensor[] b)
        {
            var g = Gradient(x, w, createGraph: true);
            var ga = g.Zip(a, (p, q) => (p * q).Sum()).Aggregate((p, q) => p + q);
            var ha = Autograd.Grad(ga, w).Select(t => t!).ToArray();
            return ha.Zip(b, (p, q) => (p * q).Sum().ToDouble()).Sum();
        }
        var uhv = Bilinear(v, u);
        var vhu = Bilinear(u, v);
        Assert.True(Math.Abs(uhv - vhu) <= 1e-10 * (1 + Math.Abs(uhv)), $"{uhv} vs {vhu}");
    }
}
