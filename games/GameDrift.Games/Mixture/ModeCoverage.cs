namespace GameDrift.Games.Mixture;

/// <summary>The standard mode-collapse measures on a ring of Gaussians (Metz et al. 2017, Srivastava et al. 2017,
/// Lin et al. 2018): each sample is assigned to its nearest mode centre; it is <em>high quality</em> when it lies
/// within <c>StdMultiple</c> (3) standard deviations of that centre; a mode is <em>covered</em> when at least
/// <c>MinSamples</c> high-quality samples are assigned to it (PacGAN's rule is 20 of 2500 samples; 1 gives the
/// looser "it gets samples" reading).</summary>
public sealed record ModeCoverage(int ModesCovered, double HighQualityFraction, int[] HighQualityPerMode)
{
    /// <summary>Measures a sample set given as x and y coordinates.</summary>
    public static ModeCoverage Measure(RingOfGaussians ring, IReadOnlyList<double> xs, IReadOnlyList<double> ys,
        double stdMultiple = 3, int minSamples = 1)
    {
        ArgumentNullException.ThrowIfNull(ring);
        if (xs.Count != ys.Count) throw new ArgumentException($"x and y differ in length ({xs.Count}, {ys.Count})");
        if (xs.Count == 0) throw new ArgumentException("no samples to measure");
        if (!(stdMultiple > 0)) throw new ArgumentException($"the distance threshold must be positive (got {stdMultiple} std)");
        if (minSamples < 1) throw new ArgumentException($"a mode needs at least one sample to count as covered (got {minSamples})");
        var perMode = new int[ring.Modes];
        double limit2 = Math.Pow(stdMultiple * ring.Std, 2);
        int good = 0;
        for (int i = 0; i < xs.Count; i++)
        {
            int best = -1;
            double bestD2 = double.PositiveInfinity;
            for (int k = 0; k < ring.Modes; k++)
            {
                double dx = xs[i] - ring.Centres[k].X, dy = ys[i] - ring.Centres[k].Y, d2 = dx * dx + dy * dy;
                if (d2 < bestD2) { bestD2 = d2; best = k; }
            }
            // NaN samples (a diverged generator) are never high quality.
            if (best >= 0 && bestD2 <= limit2) { perMode[best]++; good++; }
        }
        return new ModeCoverage(perMode.Count(c => c >= minSamples), (double)good / xs.Count, perMode);
    }
}
