namespace GameDrift.Metrics.Extractors;

/// <summary>
/// The image metrics by name (<c>fid</c>, <c>is</c>, <c>kid</c>), their column names <c>&lt;metric&gt;_&lt;extractor&gt;</c>
/// and their computation from extracted features, with the standard protocols (10 IS splits; KID 100 subsets of
/// 1000, capped at the smaller set; FID in float64).
/// </summary>
public static class ImageMetrics
{
    public const string Fid = "fid", Is = "is", Kid = "kid";
    public static IReadOnlyList<string> Known { get; } = [Fid, Is, Kid];

    /// <summary>Parses a comma-separated list such as "fid,is"; names an unknown metric.</summary>
    public static IReadOnlyList<string> Parse(string? list, string key = "metrics")
    {
        var names = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).Distinct().ToList();
        foreach (var n in names)
            if (!Known.Contains(n))
                throw new ArgumentException($"{key}: unknown image metric '{n}', expected some of: {string.Join(", ", Known)}");
        return names;
    }

    public static string Column(string metric, string extractorName) => $"{metric}_{extractorName}";

    /// <summary>True for FID and KID (distances), false for IS.</summary>
    public static bool LowerIsBetter(string metric) => metric != Is;

    /// <summary>The metric a column measures (the part before the first underscore).</summary>
    public static string MetricOf(string column) => column.Split('_')[0];

    /// <summary>Computes <paramref name="metrics"/> for generated features against a reference: column → value.
    /// IS and KID are the means over splits/subsets; their spreads go to <paramref name="spreads"/> when given.</summary>
    public static Dictionary<string, double> Compute(IReadOnlyList<string> metrics, string extractorName, FeatureSet generated,
        ReferenceStatistics? reference, Dictionary<string, double>? spreads = null)
    {
        var values = new Dictionary<string, double>();
        foreach (var m in metrics)
        {
            var column = Column(m, extractorName);
            switch (m)
            {
                case Fid:
                {
                    var real = reference ?? throw new ArgumentException("FID needs reference statistics of the real data");
                    var stats = FeatureStatistics.FromFeatures(generated.RequireFeatures(), generated.FeatureDimension);
                    values[column] = FrechetDistance.Compute(stats, real.Statistics);
                    break;
                }
                case Is:
                {
                    var est = InceptionScore.Compute(generated.RequireProbabilities(), generated.ClassCount,
                        InceptionScoreOptions.Default with { Splits = Math.Min(InceptionScoreOptions.Default.Splits, generated.Count) });
                    values[column] = est.Mean;
                    if (spreads is not null) spreads[column] = est.Std;
                    break;
                }
                case Kid:
                {
                    var real = reference ?? throw new ArgumentException("KID needs reference features of the real data");
                    var est = KernelInceptionDistance.Compute(generated.RequireFeatures(), real.KidFeatures, generated.FeatureDimension);
                    values[column] = est.Mean;
                    if (spreads is not null) spreads[column] = est.Std;
                    break;
                }
                default: throw new ArgumentException($"unknown image metric '{m}'");
            }
        }
        return values;
    }

    /// <summary>True when the metrics need features (FID, KID) / probabilities (IS).</summary>
    public static (bool Features, bool Probabilities) Needs(IReadOnlyList<string> metrics) =>
        (metrics.Contains(Fid) || metrics.Contains(Kid), metrics.Contains(Is));
}
