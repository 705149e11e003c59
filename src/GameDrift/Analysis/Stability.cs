using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis;

/// <summary>Local stability of an equilibrium.</summary>
public enum StabilityVerdict
{
    /// <summary>Attracting: flow eigenvalues with negative real parts, or map spectral radius below 1.</summary>
    Stable,
    /// <summary>On the boundary within tolerance (e.g. purely imaginary flow eigenvalues, |mu| = 1): cycling.</summary>
    Neutral,
    /// <summary>Repelling in some direction.</summary>
    Unstable,
}

/// <summary>Eigenvalues and stability verdicts of small matrices (MathNet).</summary>
public static class Stability
{
    /// <summary>Default tolerance, relative to the matrix's scale, for calling a verdict neutral.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>The eigenvalues of a square matrix; a 2x2 one (every Dirac-GAN map, once per configuration of a sweep)
    /// by the quadratic formula, larger one first, without a general eigendecomposition.</summary>
    public static Complex[] Eigenvalues(Matrix<double> m) =>
        m.RowCount == 2 && m.ColumnCount == 2 ? Eigenvalues2(m[0, 0], m[0, 1], m[1, 0], m[1, 1]) : m.Evd().EigenValues.ToArray();

    /// <summary>The eigenvalues of the d x d matrix stored row-major in <paramref name="rowMajor"/> (2x2 by the quadratic
    /// formula, without a matrix object).</summary>
    public static Complex[] Eigenvalues(double[] rowMajor, int d) => d == 2
        ? Eigenvalues2(rowMajor[0], rowMajor[1], rowMajor[2], rowMajor[3])
        : Eigenvalues(Matrix<double>.Build.Dense(d, d, (r, c) => rowMajor[r * d + c]));

    // The eigenvalues of [[a, b], [c, d]], the one of larger modulus first.
    private static Complex[] Eigenvalues2(double a, double b, double c, double d)
    {
        double half = (a + d) / 2, det = a * d - b * c, disc = half * half - det;
        if (disc < 0) return [new Complex(half, Math.Sqrt(-disc)), new Complex(half, -Math.Sqrt(-disc))];
        // The root of larger modulus first, the other from the product: no cancellation between half and the root.
        var big = half + (half >= 0 ? 1 : -1) * Math.Sqrt(disc);
        return [big, big == 0 ? 0 : det / big];
    }

    /// <summary>The largest real part of the eigenvalues (the flow's growth rate).</summary>
    public static double MaxRealPart(Matrix<double> m) => Eigenvalues(m).Max(e => e.Real);

    /// <summary>The largest eigenvalue modulus (the map's asymptotic growth factor).</summary>
    public static double SpectralRadius(Matrix<double> m) => Eigenvalues(m).Max(e => e.Magnitude);

    /// <summary>Flow verdict: stable iff every eigenvalue has real part below -tol*scale, neutral within ±tol*scale.</summary>
    public static StabilityVerdict OfFlow(Matrix<double> jacobian, double tolerance = DefaultTolerance)
    {
        double scale = Math.Max(1e-300, jacobian.L1Norm()), re = MaxRealPart(jacobian);
        return re < -tolerance * scale ? StabilityVerdict.Stable
            : re > tolerance * scale ? StabilityVerdict.Unstable : StabilityVerdict.Neutral;
    }

    /// <summary>Map verdict from the spectral radius: stable below 1 - tol, neutral within tol of 1.</summary>
    public static StabilityVerdict OfMap(Matrix<double> mapJacobian, double tolerance = DefaultTolerance) =>
        OfSpectralRadius(SpectralRadius(mapJacobian), tolerance);

    public static StabilityVerdict OfSpectralRadius(double rho, double tolerance = DefaultTolerance) =>
        rho < 1 - tolerance ? StabilityVerdict.Stable : rho > 1 + tolerance ? StabilityVerdict.Unstable : StabilityVerdict.Neutral;

    /// <summary>Lower-case name used in outputs ("stable", "neutral", "unstable").</summary>
    public static string Name(this StabilityVerdict v) => v.ToString().ToLowerInvariant();
}
