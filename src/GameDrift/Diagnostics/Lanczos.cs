using GameDrift.Games;
using GameDrift.Torch;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Diagnostics;

/// <summary>The largest (algebraic) eigenvalue of a symmetric operator given only by products A v on parameter-shaped
/// tensor lists: Lanczos with full reorthogonalisation. It stops after <c>iterations</c> products or when the top Ritz
/// value moves by less than <c>tolerance</c> relative to its size between iterations. Unlike power iteration it finds
/// the top eigenvalue even when a negative eigenvalue is larger in magnitude (non-convex losses).</summary>
public static class Lanczos
{
    /// <summary>(top eigenvalue estimate, products used).</summary>
    public static (double Value, int Iterations) TopEigenvalue(Func<Tensor[], Tensor[]> apply, Tensor[] start, int iterations, double tolerance)
    {
        if (iterations < 1) throw new ArgumentException($"sharpness_iters must be at least 1 (got {iterations})");
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        var basis = new List<Tensor[]>();
        var alphas = new List<double>();
        var betas = new List<double>();
        var q = Scale(start, 1 / GradientMath.Norm(start));
        double previous = double.NaN, top = double.NaN;
        for (int k = 0; k < iterations; k++)
        {
            basis.Add(q);
            // Each iteration's temporaries die with its scope; only the next basis vector moves out.
            using var step = torch.NewDisposeScope();
            Tensor[] w;
            using (torch.EnableGrad()) w = apply(q).Select(t => t.Detach()).ToArray();
            double a = GradientMath.Dot(w, q).ToDouble();
            alphas.Add(a);
            foreach (var b in basis) // full reorthogonalisation (twice is enough in floating point)
                for (int pass = 0; pass < 2; pass++) w = Axpy(w, -GradientMath.Dot(w, b).ToDouble(), b);
            top = TopRitz(alphas, betas);
            if (k > 0 && Math.Abs(top - previous) <= tolerance * Math.Max(Math.Abs(top), 1e-30)) return (top, k + 1);
            previous = top;
            double beta = GradientMath.Norm(w);
            if (beta <= 1e-10 * Math.Max(Math.Abs(top), 1e-30)) return (top, k + 1); // invariant subspace: exact
            betas.Add(beta);
            q = Scale(w, 1 / beta).Select(t => t.MoveToOuterDisposeScope()).ToArray();
        }
        return (top, iterations);
    }

    private static double TopRitz(List<double> a, List<double> b)
    {
        int n = a.Count;
        var t = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            t[i, i] = a[i];
            if (i + 1 < n) t[i, i + 1] = t[i + 1, i] = b[i];
        }
        return t.Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real);
    }

    private static Tensor[] Scale(Tensor[] v, double s) => v.Select(t => t * s).ToArray();

    private static Tensor[] Axpy(Tensor[] y, double a, Tensor[] x) => y.Select((t, i) => t + a * x[i]).ToArray();
}
