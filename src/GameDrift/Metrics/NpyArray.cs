namespace GameDrift.Metrics;

/// <summary>
/// A 1-D or 2-D C-ordered numpy array held as float64, with the dtype it is (or will be) stored as.
/// </summary>
public sealed class NpyArray
{
    /// <summary>Wraps <paramref name="data"/> (row-major) with the given shape and storage dtype.</summary>
    public NpyArray(double[] data, int[] shape, NpyDtype dtype = NpyDtype.Float64)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length is < 1 or > 2)
            throw new ArgumentException($"Only 1-D and 2-D arrays are supported; got {shape.Length}-D.", nameof(shape));
        long count = 1;
        foreach (int s in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s, nameof(shape));
            count *= s;
        }
        if (count != data.Length)
            throw new ArgumentException($"Shape ({string.Join(", ", shape)}) needs {count} values; got {data.Length}.", nameof(data));
        Data = data;
        Shape = (int[])shape.Clone();
        Dtype = dtype;
    }

    /// <summary>Values in C (row-major) order.</summary>
    public double[] Data { get; }

    /// <summary>Dimensions, outermost first.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Storage type on disk.</summary>
    public NpyDtype Dtype { get; }
}
