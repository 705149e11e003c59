namespace GameDrift.Metrics;

/// <summary>
/// A metric averaged over splits or subsets: mean, spread and the individual values.
/// </summary>
/// <remarks>
/// <see cref="Std"/> is the population standard deviation (divides by the count, like
/// <c>numpy.std</c> with the default <c>ddof=0</c>), because torch-fidelity, clean-fid and the
/// original Inception Score code all report <c>np.std</c> (peers.md §7, §d.4).
/// </remarks>
/// <param name="Mean">Mean over the splits or subsets.</param>
/// <param name="Std">Population standard deviation over the splits or subsets.</param>
/// <param name="Values">The value of each split or subset, in the order computed.</param>
public sealed record MetricEstimate(double Mean, double Std, IReadOnlyList<double> Values)
{
    /// <summary>Summarises <paramref name="values"/> as mean and population standard deviation.</summary>
    public static MetricEstimate FromValues(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0) throw new ArgumentException("At least one value is required.", nameof(values));
        double mean = 0;
        foreach (double v in values) mean += v;
        mean /= values.Length;
        double ss = 0;
        foreach (double v in values) ss += (v - mean) * (v - mean);
        return new MetricEstimate(mean, Math.Sqrt(ss / values.Length), Array.AsReadOnly((double[])values.Clone()));
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Mean:G9} ± {Std:G4}");
}
