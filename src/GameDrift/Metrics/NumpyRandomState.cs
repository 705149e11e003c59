namespace GameDrift.Metrics;

/// <summary>
/// The Mersenne Twister stream of <c>numpy.random.RandomState(seed)</c>, with the two draws the
/// reference metrics use: <c>permutation(n)</c> and <c>choice(n, size, replace=False)</c>.
/// </summary>
/// <remarks>
/// torch-fidelity shuffles Inception Score samples with <c>RandomState(2020).permutation(N)</c>
/// and draws KID subsets with <c>RandomState(2020).choice(n, 1000, replace=False)</c>
/// (peers.md §7 defaults). Reproducing that stream bit for bit lets our IS split membership and
/// KID subsets match torch-fidelity for the same features and seed, so the numbers agree to
/// rounding rather than only in distribution. Seeding follows numpy's <c>mt19937_seed</c>
/// (integer seeds), shuffling its legacy Fisher–Yates with <c>random_interval</c> rejection.
/// </remarks>
public sealed class NumpyRandomState
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index;

    /// <summary>Seeds the generator exactly like <c>numpy.random.RandomState(seed)</c> with an integer.</summary>
    public NumpyRandomState(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < N; i++)
            _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        _index = N;
    }

    /// <summary>Next raw 32-bit output (MT19937 <c>genrand_int32</c>).</summary>
    public uint NextUInt32()
    {
        if (_index >= N) Twist();
        uint y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform integer in [0, max] by masked rejection, as numpy's <c>random_interval</c>.</summary>
    public uint NextInterval(uint max)
    {
        if (max == 0) return 0;
        uint mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max) { }
        return value;
    }

    /// <summary>Same result as <c>RandomState.permutation(n)</c>: a shuffled 0..n-1.</summary>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = new int[n];
        for (int i = 0; i < n; i++) result[i] = i;
        for (int i = n - 1; i >= 1; i--)
        {
            int j = (int)NextInterval((uint)i);
            (result[i], result[j]) = (result[j], result[i]);
        }
        return result;
    }

    /// <summary>
    /// Same result as <c>RandomState.choice(n, size, replace=False)</c>, which numpy implements as
    /// the first <paramref name="size"/> entries of <c>permutation(n)</c>.
    /// </summary>
    public int[] ChooseWithoutReplacement(int n, int size)
    {
        if (size < 0 || size > n)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Cannot take {size} distinct samples from {n}.");
        int[] perm = Permutation(n);
        return size == n ? perm : perm[..size];
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % N] & 0x7fffffffu);
            uint next = _mt[(i + M) % N] ^ (y >> 1);
            if ((y & 1) != 0) next ^= 0x9908b0dfu;
            _mt[i] = next;
        }
        _index = 0;
    }
}
