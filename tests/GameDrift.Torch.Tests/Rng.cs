using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>Seeded float64 test inputs, so every failure reproduces.</summary>
public sealed class Rng : IDisposable
{
    private readonly Generator gen;

    public Rng(ulong seed = 42) => gen = new Generator(seed);

    public Tensor Normal(params long[] shape) => torch.Randn(shape, gen, ScalarType.Float64);

    public Tensor Uniform(double lo, double hi, params long[] shape)
    {
        using var u = torch.Rand(shape, gen, ScalarType.Float64);
        using var scaled = u * (hi - lo);
        return scaled + lo;
    }

    /// <summary>Magnitudes in [lo, hi] with random signs: keeps inputs away from kinks at zero.</summary>
    public Tensor AwayFromZero(double lo, double hi, params long[] shape)
    {
        using var mag = Uniform(lo, hi, shape);
        using var s = torch.Rand(shape, gen, ScalarType.Float64);
        using var pos = s.Gt(0.5);
        using var neg = -mag;
        return torch.Where(pos, mag, neg);
    }

    /// <summary>Values spaced at least 0.1 apart in random order (no ties for max, sort, pooling).</summary>
    public Tensor Distinct(params long[] shape)
    {
        var n = shape.Aggregate(1L, (a, b) => a * b);
        using var perm = torch.RandPerm(n, gen);
        using var p = perm.To(ScalarType.Float64);
        using var jitter = Uniform(0, 0.05, n);
        using var spaced = p * 0.15 + jitter;
        using var centred = spaced - n * 0.075;
        return centred.Reshape(shape);
    }

    public Tensor Ints(long low, long high, params long[] shape) => torch.RandInt(low, high, shape, gen);

    public void Dispose() => gen.Dispose();
}
