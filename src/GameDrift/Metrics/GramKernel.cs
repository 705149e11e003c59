using System.Runtime.Intrinsics;

namespace GameDrift.Metrics;

/// <summary>
/// Blocked, vectorised <c>C = A^T B</c> in float64 for the metrics' large products (covariance of
/// 10k x 2048 features, KID Gram matrices, Fréchet matrix products).
/// </summary>
/// <remarks>
/// Operands arrive in K-chunks through <see cref="PanelPacker"/>s so callers can centre, convert
/// from float or gather rows on the fly. Each C entry is summed by one thread in a fixed K order,
/// so results do not depend on the thread count. In the symmetric case only tiles touching the
/// upper triangle are computed, then mirrored, halving the work of <c>X^T X</c>.
/// </remarks>
internal static class GramKernel
{
    /// <summary>Columns per packed block (two 256-bit vectors of doubles).</summary>
    public const int Lanes = 8;
    private const int TileRows = 4;
    private const int ChunkK = 256;
    // 8 blocks x 8 lanes x 256 rows x 8 bytes = 128 KiB: a B panel group stays in L2.
    private const int BlocksPerGroup = 8;

    /// <summary>Returns the <c>m x m</c> row-major <c>A^T A</c>, A being <c>k x m</c>.</summary>
    public static double[] MultiplySymmetric(int k, int m, PanelPacker packA, int maxDegreeOfParallelism = -1)
        => MultiplyCore(k, m, m, packA, null, maxDegreeOfParallelism);

    /// <summary>Returns the <c>m x n</c> row-major <c>A^T B</c>, A being <c>k x m</c> and B <c>k x n</c>.</summary>
    public static double[] Multiply(int k, int m, int n, PanelPacker packA, PanelPacker packB, int maxDegreeOfParallelism = -1)
        => MultiplyCore(k, m, n, packA, packB, maxDegreeOfParallelism);

    private static unsafe double[] MultiplyCore(int k, int m, int n, PanelPacker packA, PanelPacker? packB, int maxDop)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        bool symmetric = packB is null;
        int mp = RoundUp(m), np = RoundUp(n);
        int nBlocks = np / Lanes;
        var c = new double[(long)mp * np];
        int chunk = Math.Max(1, Math.Min(ChunkK, k));
        var aBuf = new double[(long)mp * chunk];
        var bBuf = symmetric ? aBuf : new double[(long)np * chunk];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDop };
        int groups = (nBlocks + BlocksPerGroup - 1) / BlocksPerGroup;

        for (int k0 = 0; k0 < k; k0 += chunk)
        {
            int kc = Math.Min(chunk, k - k0);
            Span<double> aSpan = aBuf.AsSpan(0, mp * kc);
            aSpan.Clear();
            packA(k0, kc, aSpan);
            if (!symmetric)
            {
                Span<double> bSpan = bBuf.AsSpan(0, np * kc);
                bSpan.Clear();
                packB!(k0, kc, bSpan);
            }

            Parallel.For(0, groups, options, g =>
            {
                int jbStart = g * BlocksPerGroup;
                int jbEnd = Math.Min(nBlocks, jbStart + BlocksPerGroup);
                int rowEnd = symmetric ? Math.Min(mp, jbEnd * Lanes) : mp;
                fixed (double* pa = aBuf)
                fixed (double* pb = bBuf)
                fixed (double* pc = c)
                {
                    for (int i0 = 0; i0 < rowEnd; i0 += TileRows)
                    {
                        double* a = pa + (i0 / Lanes) * kc * Lanes + (i0 % Lanes);
                        int jbFirst = symmetric ? Math.Max(jbStart, i0 / Lanes) : jbStart;
                        for (int jb = jbFirst; jb < jbEnd; jb++)
                            Tile(a, pb + (long)jb * kc * Lanes, kc, pc + (long)i0 * np + jb * Lanes, np);
                    }
                }
            });
        }

        if (symmetric)
            for (int i = 0; i < mp; i++)
                for (int j = 0; j < i; j++)
                    c[(long)i * np + j] = c[(long)j * np + i];

        return mp == m && np == n ? c : Crop(c, np, m, n);
    }

    // 4 x 8 register tile: 8 independent accumulators hide the FMA latency.
    private static unsafe void Tile(double* a, double* b, int kc, double* c, int ldc)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int kk = 0; kk < kc; kk++)
        {
            Vector256<double> b0 = Vector256.Load(b);
            Vector256<double> b1 = Vector256.Load(b + 4);
            Vector256<double> a0 = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            Vector256<double> a1 = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            Vector256<double> a2 = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            Vector256<double> a3 = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            a += Lanes;
            b += Lanes;
        }
        AddStore(c, c00, c01);
        AddStore(c + ldc, c10, c11);
        AddStore(c + 2 * ldc, c20, c21);
        AddStore(c + 3 * ldc, c30, c31);
    }

    private static unsafe void AddStore(double* c, Vector256<double> lo, Vector256<double> hi)
    {
        (Vector256.Load(c) + lo).Store(c);
        (Vector256.Load(c + 4) + hi).Store(c + 4);
    }

    private static int RoundUp(int x) => (x + Lanes - 1) / Lanes * Lanes;

    private static double[] Crop(double[] c, int ld, int m, int n)
    {
        var r = new double[(long)m * n];
        for (int i = 0; i < m; i++)
            Array.Copy(c, (long)i * ld, r, (long)i * n, n);
        return r;
    }
}
