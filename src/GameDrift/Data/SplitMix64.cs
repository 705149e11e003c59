namespace GameDrift.Data;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014; Vigna's reference splitmix64.c): a 64-bit state advanced by
/// 0x9E3779B97F4A7C15 and mixed by <see cref="Mix"/>. Chosen over System.Random because its output is
/// fixed by this definition, so seeded runs reproduce across .NET versions.
/// </summary>
public struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Starts a generator whose state is <paramref name="state"/>.</summary>
    public SplitMix64(ulong state) => State = state;

    /// <summary>The full generator state; a copy of it continues the same sequence.</summary>
    public ulong State { get; private set; }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        State += Gamma;
        return Mix(State);
    }

    /// <summary>Uniform integer in [0, <paramref name="bound"/>), unbiased (Lemire's multiply-shift with rejection).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        // 32 random bits from the top of the 64-bit output; reject the few values that would bias the result.
        ulong m = (NextUInt64() >> 32) * (ulong)bound;
        uint low = (uint)m;
        if (low < (uint)bound)
        {
            uint threshold = (uint)(-bound) % (uint)bound;
            while (low < threshold)
            {
                m = (NextUInt64() >> 32) * (ulong)bound;
                low = (uint)m;
            }
        }
        return (int)(m >> 32);
    }

    /// <summary>The SplitMix64 output function (a bijection on 64-bit values).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
