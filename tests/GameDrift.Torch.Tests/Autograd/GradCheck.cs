using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>Checks autograd against central finite differences in float64 (PyTorch's gradcheck, "fast mode"):
/// a non-scalar output y is reduced to the scalar &lt;r, y&gt; with a fixed random r, so every Jacobian entry
/// contributes and a wrong one cannot hide behind a zero weight.</summary>
/// <remarks>With <c>secondOrder</c> the same is done one level up: the autograd gradient of &lt;u, grad&gt;
/// (double backprop) is compared with central differences of the first-order autograd gradient.</remarks>
public static class GradCheck
{
    public const double Eps = 1e-6;

    /// <summary>Largest violation of |analytic - numeric| &lt;= atol + rtol |numeric| (negative or zero when it holds).</summary>
    public sealed record Result(double MaxAbsError, double Violation, string Where);

    /// <summary>Asserts that first (and, unless turned off, second) derivatives of <paramref name="f"/> match
    /// finite differences. Inputs must be float64; <paramref name="f"/> must be deterministic.</summary>
    public static void Assert(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Assert(f, inputs, secondOrder: true);

    public static void Assert(Func<Tensor[], Tensor> f, Tensor[] inputs, bool secondOrder, double atol = 1e-6, double rtol = 1e-5)
    {
        var first = Compare(f, inputs, atol, rtol);
        Xunit.Assert.True(first.Violation <= 0, $"first-order gradient mismatch: {first}");
        if (!secondOrder) return;
        var second = CompareSecondOrder(f, inputs, atol, rtol);
        Xunit.Assert.True(second.Violation <= 0, $"second-order gradient mismatch: {second}");
    }

    /// <summary>Compares double backprop (the gradient of &lt;u, ∇&lt;r, f&gt;&gt;) with central differences of the gradient.</summary>
    public static Result CompareSecondOrder(Func<Tensor[], Tensor> f, Tensor[] inputs, double atol = 1e-6, double rtol = 1e-5) =>
        Compare(GradientProbe(f, inputs), inputs, atol, rtol);

    /// <summary>Compares autograd's gradient of &lt;r, f(x)&gt; with central differences.</summary>
    public static Result Compare(Func<Tensor[], Tensor> f, Tensor[] inputs, double atol = 1e-6, double rtol = 1e-5)
    {
        using var scope = torch.NewDisposeScope();
        foreach (var x in inputs)
            if (x.DType != ScalarType.Float64) throw new ArgumentException($"gradcheck needs float64 inputs, got {x.DType}");
        var xs = inputs.Select(x => x.Detach().Clone().RequiresGrad_()).ToArray();
        var y = f(xs);
        if (y.DType != ScalarType.Float64) throw new ArgumentException($"gradcheck needs a float64 output, got {y.DType}");
        var r = Projection(y.Shape);
        var rv = r.ToArray<double>();
        var analytic = AnalyticGrad((y * r).Sum(), xs);

        double maxErr = 0, worst = double.NegativeInfinity;
        var where = "";
        for (var i = 0; i < xs.Length; i++)
        {
            var values = xs[i].ToArray<double>();
            var shape = xs[i].Shape;
            for (var j = 0; j < values.Length; j++)
            {
                var v = values[j];
                values[j] = v + Eps;
                var plus = Evaluate(f, xs, i, values, shape, rv);
                values[j] = v - Eps;
                var minus = Evaluate(f, xs, i, values, shape, rv);
                values[j] = v;
                var numeric = (plus - minus) / (2 * Eps);
                var err = Math.Abs(analytic[i][j] - numeric);
                var violation = err - (atol + rtol * Math.Abs(numeric));
                maxErr = Math.Max(maxErr, err);
                if (violation > worst || double.IsNaN(err))
                {
                    worst = double.IsNaN(err) ? double.PositiveInfinity : violation;
                    where = $"input {i} element {j}: autograd {analytic[i][j]:R}, finite difference {numeric:R}";
                }
            }
        }
        return new Result(maxErr, worst, where);
    }

    /// <summary>x ↦ &lt;u, ∇&lt;r, f(x)&gt;&gt; built with createGraph, so its own gradient is a Hessian-vector product.</summary>
    private static Func<Tensor[], Tensor> GradientProbe(Func<Tensor[], Tensor> f, Tensor[] inputs)
    {
        var us = inputs.Select((x, i) => Projection(x.Shape, 1000 + (ulong)i).DetachFromDisposeScope()).ToArray();
        return xs =>
        {
            // Finite differences call this under no_grad; the inner gradient needs a graph regardless.
            using var grad = torch.EnableGrad();
            var leaves = xs.Select(x => x.RequiresGrad ? x : x.Detach().RequiresGrad_()).ToArray();
            var y = f(leaves);
            if (!y.RequiresGrad) return torch.Zeros(Array.Empty<long>(), ScalarType.Float64);
            var r = Projection(y.Shape);
            var gs = Autograd.Grad((y * r).Sum(), leaves, createGraph: true, allowUnused: true);
            Tensor total = torch.Zeros(Array.Empty<long>(), ScalarType.Float64);
            for (var i = 0; i < gs.Length; i++)
                if (gs[i] is { } g) total = total + (g * us[i]).Sum();
            return total;
        };
    }

    private static double[][] AnalyticGrad(Tensor s, Tensor[] xs)
    {
        if (!s.RequiresGrad) return xs.Select(x => new double[x.NumberOfElements]).ToArray();
        var gs = Autograd.Grad(s, xs, allowUnused: true);
        return gs.Select((g, i) => g?.ToArray<double>() ?? new double[xs[i].NumberOfElements]).ToArray();
    }

    private static double Evaluate(Func<Tensor[], Tensor> f, Tensor[] xs, int which, double[] values, long[] shape, double[] r)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        var args = xs.Select((x, k) => k == which ? torch.Tensor(values, shape) : x.Detach()).ToArray();
        var y = f(args).ToArray<double>();
        double s = 0;
        for (var k = 0; k < y.Length; k++) s += y[k] * r[k];
        return s;
    }

    /// <summary>Fixed weights in ±[0.5, 1.5]: never zero, so no output is ignored.</summary>
    private static Tensor Projection(long[] shape, ulong seed = 7)
    {
        using var g = new Generator(seed);
        using var u = torch.Rand(shape, g, ScalarType.Float64);
        using var s = torch.Rand(shape, g, ScalarType.Float64);
        using var sign = s.Gt(0.5);
        using var mag = u + 0.5;
        using var neg = -mag;
        return torch.Where(sign, mag, neg);
    }
}
