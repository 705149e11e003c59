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

    public static Complex[] Eigenvalues(Matrix<double> m) => m.Evd().EigenValues.ToArray();

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
