namespace GameDrift.Metrics;

/// <summary>Element types supported in <c>.npy</c> arrays: the little-endian floats FID statistics use.</summary>
public enum NpyDtype
{
    /// <summary><c>&lt;f4</c>: clean-fid and TTUR store <c>mu</c> as the float32 mean of float32 features.</summary>
    Float32,

    /// <summary><c>&lt;f8</c>: <c>numpy.cov</c> always returns float64, so <c>sigma</c> is <c>&lt;f8</c>.</summary>
    Float64,
}
