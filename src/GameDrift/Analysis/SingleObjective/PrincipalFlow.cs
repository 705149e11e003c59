using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis.SingleObjective;

/// <summary>The principal flow of gradient descent with learning rate h (spec §9.2, [PF] Rosca et al. 2023):
/// theta' = sum_i log(1 - h λ_i)/(h λ_i) (gᵀu_i) u_i over the eigenpairs (λ_i, u_i) of the Hessian. In an eigen-coordinate
/// c_i of a quadratic, c_i' = (log(1 - h λ_i)/h) c_i, so c_i(nh) = (1 - h λ_i)^n c_i(0): the PF passes through every GD
/// iterate, for every h, including oscillation (1 &lt; hλ &lt; 2) and divergence (hλ &gt; 2), where the principal-branch
/// logarithm is complex (log|1 - hλ| + iπ) and the flow lives in Cⁿ.</summary>
public static class PrincipalFlow
{
    /// <summary>The colab's stand-in for log(1 - hλ)/(hλ) at hλ = 1 exactly, where log 0 appears (integrated path only).</summary>
    public const double CoefficientAtOne = -100;

    /// <summary>The stability coefficient log(1 - h λ)/h of an eigen-direction (its rate c'/c on a quadratic): real and
    /// negative for hλ &lt; 1, complex with negative real part for 1 &lt; hλ &lt; 2, real part 0 at hλ = 2, positive beyond.</summary>
    public static Complex Rate(double h, double lambda) => Complex.Log(new Complex(1 - h * lambda, 0)) / h;

    /// <summary>The PF's multiplier log(1 - hλ)/(hλ) of (gᵀu) u; its limit -1 at λ = 0 (the gradient flow).</summary>
    public static Complex Multiplier(double h, double lambda)
    {
        double x = h * lambda;
        if (Math.Abs(x) < 1e-8) return new Complex(-1 - x / 2 - x * x / 3, 0); // Taylor series, avoids 0/0
        if (x == 1) return new Complex(CoefficientAtOne, 0);
        return Complex.Log(new Complex(1 - x, 0)) / x;
    }

    /// <summary>Exact PF of the quadratic E = ½ θᵀAθ at time t from θ0: Σ_i exp(t log(1 - hλ_i)/h) (u_iᵀθ0) u_i.
    /// At t = nh it equals the n-th GD iterate (real up to roundoff); between iterates it is complex.</summary>
    public static Complex[] Quadratic(Matrix<double> hessian, double[] theta0, double h, double t)
    {
        var evd = hessian.Evd(Symmetricity.Symmetric);
        int d = theta0.Length;
        var result = new Complex[d];
        for (int i = 0; i < d; i++)
        {
            var u = evd.EigenVectors.Column(i);
            double c0 = u.DotProduct(Vector<double>.Build.DenseOfArray(theta0));
            double x = h * evd.EigenValues[i].Real;
            // exp(t/h log(1 - x)); at x = 1 the coordinate is 0 after any positive time, as GD's is after one step.
            Complex factor = x == 1 ? (t == 0 ? 1 : 0) : Complex.Exp(t / h * Complex.Log(new Complex(1 - x, 0)));
            for (int k = 0; k < d; k++) result[k] += factor * c0 * u[k];
        }
        return result;
    }

    /// <summary>The PF field at a complex state z = x + iy for any loss. The Hessian H and its eigenpairs are evaluated at
    /// x, and the gradient at z is continued to first order, g(z) ≈ g(x) + i H(x) y: exact for quadratics (g linear, H
    /// constant), and for a real state (all hλ &lt; 1 keeps it real) it is the PF itself. For a non-quadratic loss with a
    /// complex state the dropped terms are O(|y|²) in g and O(|y|) in H.</summary>
    public static Complex[] Field(IScalarLoss loss, double h, Complex[] z)
    {
        var x = z.Select(c => c.Real).ToArray();
        var y = Vector<double>.Build.DenseOfArray(z.Select(c => c.Imaginary).ToArray());
        var hess = LossCalculus.Hessian(loss, x);
        var g = Vector<double>.Build.DenseOfArray(LossCalculus.Gradient(loss, x));
        var gy = hess * y;
        var evd = hess.Evd(Symmetricity.Symmetric);
        int d = x.Length;
        var r = new Complex[d];
        for (int i = 0; i < d; i++)
        {
            var u = evd.EigenVectors.Column(i);
            var proj = new Complex(g.DotProduct(u), gy.DotProduct(u)) * Multiplier(h, evd.EigenValues[i].Real);
            for (int k = 0; k < d; k++) r[k] += proj * u[k];
        }
        return r;
    }

    /// <summary>The PF at time <paramref name="time"/> from a real θ0, by classical RK4 in complex arithmetic with
    /// <paramref name="substeps"/> steps, the Hessian re-evaluated at every stage (4 Hessians per substep). The RK4
    /// error is O(dt⁴) over the interval; on quadratics the field is exact, so the only error is RK4's.</summary>
    public static Complex[] Integrate(IScalarLoss loss, double h, double[] theta0, double time, int substeps)
    {
        if (substeps < 1) throw new ArgumentException("RK4 needs at least one substep", nameof(substeps));
        var z = theta0.Select(v => new Complex(v, 0)).ToArray();
        for (int s = 0; s < substeps; s++) z = RkStep(loss, h, z, time / substeps);
        return z;
    }

    /// <summary>One classical RK4 step of size <paramref name="dt"/> of the PF field from the complex state z.</summary>
    public static Complex[] RkStep(IScalarLoss loss, double h, Complex[] z, double dt)
    {
        var k1 = Field(loss, h, z);
        var k2 = Field(loss, h, Axpy(z, dt / 2, k1));
        var k3 = Field(loss, h, Axpy(z, dt / 2, k2));
        var k4 = Field(loss, h, Axpy(z, dt, k3));
        return z.Select((v, i) => v + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i])).ToArray();
    }

    private static Complex[] Axpy(Complex[] z, double a, Complex[] k) => z.Select((v, i) => v + a * k[i]).ToArray();
}
