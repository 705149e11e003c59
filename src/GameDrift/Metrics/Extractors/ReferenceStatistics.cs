using GameDrift.Data;

namespace GameDrift.Metrics.Extractors;

/// <summary>
/// What the image metrics compare generated images with: the real data's feature mean and covariance (FID) and a
/// fixed sample of its features (KID), computed once per (data set, extractor) and cached as clean-fid-style files.
/// </summary>
/// <remarks>
/// Files, in <c>&lt;cache&gt;/stats/</c>: <c>&lt;dataset&gt;-&lt;fingerprint&gt;_&lt;extractor&gt;_n&lt;N&gt;.npz</c> with
/// float64 <c>mu</c> and <c>sigma</c> (readable by numpy, pytorch-fid and clean-fid), and the same name ending
/// <c>_kid.npz</c> with float32 <c>feats</c>, the first <see cref="KidReferenceCount"/> images' features, as clean-fid
/// stores KID references. N is all images of the data set (the usual "train" reference) unless limited.
/// </remarks>
public sealed class ReferenceStatistics
{
    /// <summary>Real features kept for KID: 10k, ten subsets' worth at the standard subset size of 1000.</summary>
    public const int KidReferenceCount = 10_000;

    public ReferenceStatistics(FeatureStatistics statistics, float[] kidFeatures, string? path = null)
    {
        Statistics = statistics;
        KidFeatures = kidFeatures;
        Path = path;
    }

    public FeatureStatistics Statistics { get; }
    /// <summary>Row-major features of the KID reference images (count x d).</summary>
    public float[] KidFeatures { get; }
    /// <summary>The statistics file, when cached.</summary>
    public string? Path { get; }

    /// <summary>Loads the cached reference of <paramref name="data"/> under <paramref name="extractorKey"/>, or computes and caches it.</summary>
    /// <param name="extractorKey">Identifies the extractor's weights (e.g. the Inception file's hash or the classifier's cache key).</param>
    /// <param name="maxImages">Use only the first images of the data set (all when null).</param>
    public static ReferenceStatistics LoadOrCompute(IFeatureExtractor extractor, string extractorKey, string datasetName, ImageDataset data,
        int? maxImages = null, Action<string>? log = null, string? cacheDirectory = null)
    {
        int n = Math.Min(maxImages ?? data.Count, data.Count);
        var dir = System.IO.Path.Combine(cacheDirectory ?? GameDriftCache.Directory, "stats");
        var stem = $"{datasetName}-{DatasetFingerprint.Of(data)}_{extractorKey}_n{n}";
        var statsPath = System.IO.Path.Combine(dir, stem + ".npz");
        var kidPath = System.IO.Path.Combine(dir, stem + "_kid.npz");
        if (File.Exists(statsPath) && File.Exists(kidPath)) return Load(extractor, statsPath, kidPath, log);
        // Workers starting together compute the reference once; the others wait and load it.
        using var cacheLock = CacheLock.Acquire(statsPath, () => log?.Invoke($"waiting for another process computing {statsPath}"));
        if (File.Exists(statsPath) && File.Exists(kidPath)) return Load(extractor, statsPath, kidPath, log);
        log?.Invoke($"computing reference statistics of {n} {datasetName} images with the {extractor.Name} extractor");
        var set = FeatureExtraction.Run(extractor, data, n, features: true, probabilities: false);
        var features = set.RequireFeatures();
        var statistics = FeatureStatistics.FromFeatures(features, set.FeatureDimension);
        int kidRows = Math.Min(n, KidReferenceCount);
        var kid = features.AsSpan(0, kidRows * set.FeatureDimension).ToArray();
        Directory.CreateDirectory(dir);
        // Npz writes through a temporary file and a rename: a killed run never leaves a half-written reference.
        Npz.WriteStatistics(statsPath, statistics);
        Npz.Write(kidPath, new Dictionary<string, NpyArray>
        {
            ["feats"] = new(kid.Select(v => (double)v).ToArray(), [kidRows, set.FeatureDimension], NpyDtype.Float32),
        });
        log?.Invoke($"reference statistics cached at {statsPath}");
        return new ReferenceStatistics(statistics, kid, statsPath);
    }

    private static ReferenceStatistics Load(IFeatureExtractor extractor, string statsPath, string kidPath, Action<string>? log)
    {
        var stats = Npz.ReadStatistics(statsPath);
        var feats = Npz.ReadArray(kidPath, "feats");
        if (stats.Dimension != extractor.FeatureDimension || feats.Shape.Count != 2 || feats.Shape[1] != extractor.FeatureDimension)
            throw new InvalidDataException($"{statsPath}: statistics of dimension {stats.Dimension} do not match the {extractor.Name} " +
                $"extractor's {extractor.FeatureDimension} features; delete the file to recompute");
        log?.Invoke($"loaded reference statistics from {statsPath}");
        return new ReferenceStatistics(stats, feats.Data.Select(v => (float)v).ToArray(), statsPath);
    }
}
