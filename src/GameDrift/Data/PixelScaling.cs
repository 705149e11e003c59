using System.Numerics;

namespace GameDrift.Data;

/// <summary>Maps uint8 pixels to float32 in [-1, 1] as <c>2x/255 - 1</c>.</summary>
public static class PixelScaling
{
    /// <summary>The scalar definition every path must match bit for bit: float32 <c>(2x)/255 - 1</c>.</summary>
    public static float ToSigned(byte x) => 2f * x / 255f - 1f;

    /// <summary>Converts <paramref name="source"/> into the first source.Length elements of <paramref name="destination"/>.</summary>
    public static void ToSigned(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException("Destination is shorter than source.", nameof(destination));

        int i = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<byte>.Count)
        {
            // Same operations as the scalar form (2x exact, then an IEEE division and subtraction),
            // so the SIMD and scalar results are identical, not merely close.
            var two = new Vector<float>(2f);
            var d255 = new Vector<float>(255f);
            var one = new Vector<float>(1f);
            int n = Vector<float>.Count;
            for (; i <= source.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                var bytes = new Vector<byte>(source.Slice(i));
                Vector.Widen(bytes, out Vector<ushort> lo, out Vector<ushort> hi);
                Vector.Widen(lo, out Vector<uint> a, out Vector<uint> b);
                Vector.Widen(hi, out Vector<uint> c, out Vector<uint> d);
                Store(destination.Slice(i), a, two, d255, one);
                Store(destination.Slice(i + n), b, two, d255, one);
                Store(destination.Slice(i + 2 * n), c, two, d255, one);
                Store(destination.Slice(i + 3 * n), d, two, d255, one);
            }
        }
        for (; i < source.Length; i++)
            destination[i] = ToSigned(source[i]);
    }

    private static void Store(Span<float> destination, Vector<uint> x, Vector<float> two, Vector<float> d255, Vector<float> one)
    {
        var f = Vector.ConvertToSingle(Vector.AsVectorInt32(x));
        (two * f / d255 - one).CopyTo(destination);
    }
}
