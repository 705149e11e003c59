namespace GameDrift.Torch;

/// <summary>Element types; the values are libtorch's c10::ScalarType codes.</summary>
public enum ScalarType
{
    Byte = 0, Int8 = 1, Int16 = 2, Int32 = 3, Int64 = 4, Float16 = 5, Float32 = 6, Float64 = 7,
    Bool = 11, BFloat16 = 15,
}

public static class ScalarTypeExtensions
{
    public static bool IsFloatingPoint(this ScalarType t) =>
        t is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;

    public static int ElementSize(this ScalarType t) => t switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        _ => 8,
    };

    /// <summary>PyTorch's name, e.g. torch.float32.</summary>
    public static string TorchName(this ScalarType t) => t switch
    {
        ScalarType.Byte => "torch.uint8", ScalarType.Int8 => "torch.int8", ScalarType.Int16 => "torch.int16",
        ScalarType.Int32 => "torch.int32", ScalarType.Int64 => "torch.int64", ScalarType.Float16 => "torch.float16",
        ScalarType.Float32 => "torch.float32", ScalarType.Float64 => "torch.float64", ScalarType.Bool => "torch.bool",
        ScalarType.BFloat16 => "torch.bfloat16", _ => t.ToString(),
    };

    internal static ScalarType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? ScalarType.Float32 :
        typeof(T) == typeof(double) ? ScalarType.Float64 :
        typeof(T) == typeof(long) ? ScalarType.Int64 :
        typeof(T) == typeof(int) ? ScalarType.Int32 :
        typeof(T) == typeof(bool) ? ScalarType.Bool :
        typeof(T) == typeof(byte) ? ScalarType.Byte :
        typeof(T) == typeof(short) ? ScalarType.Int16 :
        typeof(T) == typeof(sbyte) ? ScalarType.Int8 :
        throw new NotSupportedException($"no tensor element type for {typeof(T).Name}");
}
