using System.Globalization;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>Instance noise ([M18] §3, spec §7.5): Gaussian noise of std σ added to every sample the discriminator sees,
/// real and generated, drawn fresh at each evaluation. It acts on the game's inputs rather than adding a gradient term,
/// so it wraps the discriminator function (<c>regularisers: instance-noise=0.1</c>); gradient penalties then see the
/// noisy samples too. The noise comes from the run's regulariser RNG, which checkpoints save.</summary>
public static class InstanceNoise
{
    public const string Name = "instance-noise";

    /// <summary>σ of the spec's <c>instance-noise=SIGMA</c> item (summed if repeated), 0 without one.</summary>
    public static double Sigma(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) return 0;
        double sigma = 0;
        foreach (var item in spec.Split(',', StringSplitOptions.TrimEntries).Where(IsItem))
        {
            var head = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (head.Length != 2 || !double.TryParse(head[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
                throw new FormatException($"'{item}' needs a standard deviation >= 0, e.g. '{Name}=0.1'");
            sigma += v;
        }
        return sigma;
    }

    /// <summary>Whether a regulariser-spec item is an instance-noise item.</summary>
    public static bool IsItem(string item) =>
        item.Split(new[] { '=', ':' }, 2)[0].Trim().Equals(Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>x ↦ D(x + σ ε), ε ~ N(0, I) from <paramref name="rng"/>; D itself for σ = 0.</summary>
    public static Func<Tensor, Tensor> Wrap(Func<Tensor, Tensor> discriminator, double sigma, Generator rng)
    {
        if (sigma == 0) return discriminator;
        return x =>
        {
            using var noise = torch.Randn(x.Shape, rng, x.DType, x.Device);
            return discriminator(x + sigma * noise);
        };
    }
}
