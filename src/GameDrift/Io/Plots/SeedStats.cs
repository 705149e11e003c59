namespace GameDrift.Io.Plots;

/// <summary>Summaries across repeated runs (seeds) for error bars and bands.</summary>
public static class SeedStats
{
    /// <summary>
    /// Per-position mean and sample standard deviation over <paramref name="runs"/> (runs[seed][i]).
    /// Non-finite values (diverged runs) are skipped; a position with no finite value gives NaN,
    /// one finite value gives a standard deviation of 0.
    /// </summary>
    public static (double[] Mean, double[] Std) MeanAndStd(IReadOnlyList<IReadOnlyList<double>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) return ([], []);
        int n = runs[0].Count;
        if (runs.Any(r => r.Count != n))
            throw new ArgumentException("All runs must have the same length.", nameof(runs));
        var mean = new double[n];
        var std = new double[n];
        for (int i = 0; i < n; i++)
        {
            var vals = runs.Select(r => r[i]).Where(double.IsFinite).ToArray();
            if (vals.Length == 0)
            {
                mean[i] = std[i] = double.NaN;
                continue;
            }
            double m = vals.Average();
            mean[i] = m;
            std[i] = vals.Length < 2 ? 0 : Math.Sqrt(vals.Sum(v => (v - m) * (v - m)) / (vals.Length - 1));
        }
        return (mean, std);
    }
}
