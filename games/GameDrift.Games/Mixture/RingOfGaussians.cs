using GameDrift.Torch;

namespace GameDrift.Games.Mixture;

/// <summary>The 2-D mixture of Gaussians of Metz et al. (unrolled GANs): <see cref="Modes"/> equally weighted
/// isotropic Gaussians with standard deviation <see cref="Std"/>, centred on a circle of radius
/// <see cref="Radius"/> at angles 2 pi k / Modes. Defaults: 8 modes, radius 2, std 0.02.</summary>
public sealed class RingOfGaussians
{
    public RingOfGaussians(int modes = 8, double radius = 2.0, double std = 0.02)
    {
        if (modes < 1) throw new ArgumentException($"the ring needs at least one mode (got {modes})", nameof(modes));
        if (!(radius > 0) || !double.IsFinite(radius)) throw new ArgumentException($"the radius must be positive (got {radius})", nameof(radius));
        if (!(std > 0) || !double.IsFinite(std)) throw new ArgumentException($"the standard deviation must be positive (got {std})", nameof(std));
        Modes = modes;
        Radius = radius;
        Std = std;
        Centres = Enumerable.Range(0, modes)
            .Select(k => (X: radius * Math.Cos(2 * Math.PI * k / modes), Y: radius * Math.Sin(2 * Math.PI * k / modes))).ToArray();
    }

    public int Modes { get; }
    public double Radius { get; }
    public double Std { get; }

    /// <summary>The mode centres, mode k at angle 2 pi k / Modes.</summary>
    public IReadOnlyList<(double X, double Y)> Centres { get; }

    /// <summary><paramref name="n"/> samples [n, 2] (float32 unless <paramref name="dtype"/> says otherwise): a mode
    /// drawn uniformly per sample, plus Gaussian noise, both from <paramref name="generator"/>.</summary>
    public Tensor Sample(long n, Generator? generator = null, ScalarType dtype = ScalarType.Float32)
    {
        if (n < 1) throw new ArgumentException($"the number of samples must be at least 1 (got {n})", nameof(n));
        using var scope = torch.NewDisposeScope();
        var centres = torch.Tensor(Centres.SelectMany(c => new[] { c.X, c.Y }).ToArray(), new long[] { Modes, 2 }).To(dtype);
        var mode = torch.RandInt(0, Modes, new[] { n }, generator);
        var noise = torch.Randn(new[] { n, 2L }, generator, dtype) * Std;
        return (centres.IndexSelect(0, mode) + noise).MoveToOuterDisposeScope();
    }
}
