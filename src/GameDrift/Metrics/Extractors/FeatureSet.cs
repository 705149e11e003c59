namespace GameDrift.Metrics.Extractors;

/// <summary>Features and class probabilities of N images, row-major float32 on the managed heap (null when not extracted).</summary>
public sealed record FeatureSet(int Count, int FeatureDimension, int ClassCount, float[]? Features, float[]? Probabilities)
{
    /// <summary>Features, or a clear error when they were not extracted.</summary>
    public float[] RequireFeatures() => Features ?? throw new InvalidOperationException("features were not extracted for this set");

    /// <summary>Probabilities, or a clear error when they were not extracted.</summary>
    public float[] RequireProbabilities() => Probabilities ?? throw new InvalidOperationException("class probabilities were not extracted for this set");
}
