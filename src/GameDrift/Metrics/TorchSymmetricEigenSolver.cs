using GameDrift.Torch;

namespace GameDrift.Metrics;

/// <summary>Symmetric eigendecomposition through libtorch's LAPACK (<c>torch.linalg.eigh</c>, syevd on
/// OpenBLAS) in float64: the solver for d = 2048 Inception features, where the managed one takes ~30 s.</summary>
public sealed class TorchSymmetricEigenSolver : ISymmetricEigenSolver
{
    public static readonly TorchSymmetricEigenSolver Instance = new();

    public (double[] Values, double[] Vectors) Eigh(double[] matrix, int n)
    {
        if (matrix.Length != (long)n * n) throw new ArgumentException($"matrix has {matrix.Length} entries, expected {n}x{n}");
        using var scope = torch.NewDisposeScope();
        var a = torch.Tensor(matrix, new long[] { n, n });
        var (values, vectors) = torch.linalg.Eigh(a);
        // Column j of the row-major result is the eigenvector of values[j], as LAPACK returns it.
        return (values.ToArray<double>(), vectors.Contiguous().ToArray<double>());
    }
}
