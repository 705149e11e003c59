using System.Numerics;

namespace GameDrift.Metrics;

/// <summary>Ways of presenting source arrays to <see cref="GramKernel"/> as packed panels.</summary>
internal static class PanelPackers
{
    /// <summary>
    /// A row-major <c>rows x cols</c> array as the operand itself (lanes are its columns, the
    /// reduction runs over its rows), optionally minus a per-column <paramref name="center"/>.
    /// Centring while packing avoids materialising a centred double copy of the features.
    /// </summary>
    public static PanelPacker Columns<T>(T[] source, int cols, double[]? center = null)
        where T : INumberBase<T>
        => (k0, kc, packed) =>
        {
            const int L = GramKernel.Lanes;
            for (int kk = 0; kk < kc; kk++)
            {
                long rowStart = (long)(k0 + kk) * cols;
                for (int c = 0; c < cols; c++)
                {
                    double v = double.CreateTruncating(source[rowStart + c]);
                    if (center is not null) v -= center[c];
                    packed[((c / L) * kc + kk) * L + (c % L)] = v;
                }
            }
        };

    /// <summary>
    /// Selected rows of a row-major <c>n x dim</c> sample matrix as lanes, the reduction running
    /// over the <paramref name="dim"/> features: the operand is the transposed subset, so the
    /// kernel's A^T B gives sample-by-sample dot products.
    /// </summary>
    public static PanelPacker Samples<T>(T[] source, int dim, int[] rows)
        where T : INumberBase<T>
        => (k0, kc, packed) =>
        {
            const int L = GramKernel.Lanes;
            for (int s = 0; s < rows.Length; s++)
            {
                long src = (long)rows[s] * dim + k0;
                int dst = (s / L) * kc * L + (s % L);
                for (int kk = 0; kk < kc; kk++)
                    packed[dst + kk * L] = double.CreateTruncating(source[src + kk]);
            }
        };
}
