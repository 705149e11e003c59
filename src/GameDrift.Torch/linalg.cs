using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

public static partial class torch
{
    /// <summary>torch.linalg (LAPACK through libtorch).</summary>
    public static class linalg
    {
        /// <summary>Eigen-decomposition of a symmetric matrix: ascending eigenvalues, eigenvectors as columns.</summary>
        public static (Tensor Values, Tensor Vectors) Eigh(Tensor a)
        {
            TorchException.Check(gd_eigh(a.Handle, out var v, out var w));
            GC.KeepAlive(a);
            return (new Tensor(v), new Tensor(w));
        }
        /// <summary>Eigenvalues of a general square matrix as an (n, 2) tensor of (real, imaginary) parts.</summary>
        public static Tensor EigVals(Tensor a) => a.R(gd_eigvals(a.Handle));
        public static (Tensor U, Tensor S, Tensor Vh) Svd(Tensor a)
        {
            TorchException.Check(gd_svd(a.Handle, out var u, out var s, out var vh));
            GC.KeepAlive(a);
            return (new Tensor(u), new Tensor(s), new Tensor(vh));
        }
        public static Tensor Inv(Tensor a) => a.R(gd_inverse(a.Handle));
        public static Tensor Det(Tensor a) => a.R(gd_det(a.Handle));
        public static Tensor Solve(Tensor a, Tensor b) => a.R(gd_solve(a.Handle, b.Handle), b);
        public static Tensor Cholesky(Tensor a) => a.R(gd_cholesky(a.Handle));
        public static Tensor VectorNorm(Tensor a, double ord = 2, long[]? dims = null, bool keepDim = false) => a.Norm(ord, dims, keepDim);
    }
}
