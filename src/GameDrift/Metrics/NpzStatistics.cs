namespace GameDrift.Metrics;

public static partial class Npz
{
    /// <summary>Key of the mean vector in pytorch-fid, clean-fid and TTUR statistics files.</summary>
    public const string MeanKey = "mu";

    /// <summary>Key of the covariance matrix in those files.</summary>
    public const string CovarianceKey = "sigma";

    /// <summary>
    /// Loads FID reference statistics (<c>mu</c>: d, <c>sigma</c>: d x d) as written by
    /// pytorch-fid <c>--save-stats</c>, clean-fid <c>make_custom_stats</c> or TTUR; float32
    /// members are widened to float64.
    /// </summary>
    public static FeatureStatistics ReadStatistics(string path)
    {
        NpyArray mu = ReadArray(path, MeanKey);
        NpyArray sigma = ReadArray(path, CovarianceKey);
        if (mu.Shape.Count != 1)
            throw new NpyFormatException($"{path}: array '{MeanKey}' must be 1-D; it has shape ({string.Join(", ", mu.Shape)}).");
        int d = mu.Shape[0];
        if (sigma.Shape.Count != 2 || sigma.Shape[0] != d || sigma.Shape[1] != d)
            throw new NpyFormatException(
                $"{path}: array '{CovarianceKey}' must be {d}x{d} to match '{MeanKey}'; it has shape ({string.Join(", ", sigma.Shape)}).");
        return new FeatureStatistics(mu.Data, sigma.Data);
    }

    /// <summary>Saves statistics as float64 <c>mu</c>/<c>sigma</c>, readable by <c>numpy.load</c> and the reference tools.</summary>
    public static void WriteStatistics(string path, FeatureStatistics statistics, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        int d = statistics.Dimension;
        Write(path, new Dictionary<string, NpyArray>
        {
            [MeanKey] = new(statistics.Mean, [d]),
            [CovarianceKey] = new(statistics.Covariance, [d, d]),
        }, compress);
    }
}
