using System.Numerics;

namespace GameDrift.Analysis.SingleObjective;

/// <summary>What `gamedrift pf` computes: GD iterates and the principal flow at t = n·h (real parts), the flow sampled
/// finely between iterates, and each eigen-direction's stability coefficient at the start.</summary>
/// <param name="Gd">Gd[n] = θ_n, n = 0..steps.</param>
/// <param name="Pf">Pf[n] = PF(n h), n = 0..steps (complex; real on quadratics up to roundoff).</param>
/// <param name="Times">Times of the fine samples (in units of steps: t/h).</param>
/// <param name="Fine">The PF at those times (complex).</param>
/// <param name="Eigenvalues">The Hessian's eigenvalues at the start.</param>
public sealed record PrincipalFlowResult(double[][] Gd, Complex[][] Pf, double[] Times, Complex[][] Fine, double[] Eigenvalues, bool Exact);

/// <summary>The pure function behind `gamedrift pf`.</summary>
public static class PrincipalFlowRun
{
    /// <param name="substeps">RK4 steps per GD step for non-quadratic losses (quadratics use the closed form).</param>
    public static PrincipalFlowResult Run(IScalarLoss loss, double lr, double[] start, int steps, int substeps = 200, int samplesPerStep = 20)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (!(lr > 0) || !double.IsFinite(lr)) throw new ArgumentException($"the learning rate must be a positive finite number (got {lr})");
        if (steps < 1) throw new ArgumentException($"the number of steps must be at least 1 (got {steps})");
        if (start.Length != loss.Dim) throw new ArgumentException($"--start needs {loss.Dim} comma-separated values for this loss, got {start.Length}");
        var gd = new double[steps + 1][];
        gd[0] = (double[])start.Clone();
        for (int n = 1; n <= steps; n++) gd[n] = GdFlows.GdStep(loss, lr, gd[n - 1]);
        var eig = LossCalculus.Hessian(loss, start).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric)
            .EigenValues.Select(c => c.Real).ToArray();
        var times = new List<double>();
        var fine = new List<Complex[]>();
        var pf = new Complex[steps + 1][];
        if (loss is QuadraticLoss q)
        {
            for (int n = 0; n <= steps; n++) pf[n] = PrincipalFlow.Quadratic(q.Hessian, start, lr, n * lr);
            for (int k = 0; k <= steps * samplesPerStep; k++)
            {
                double s = (double)k / samplesPerStep;
                times.Add(s);
                fine.Add(PrincipalFlow.Quadratic(q.Hessian, start, lr, s * lr));
            }
            return new PrincipalFlowResult(gd, pf, times.ToArray(), fine.ToArray(), eig, true);
        }
        int every = Math.Max(1, substeps / samplesPerStep);
        var z = start.Select(v => new Complex(v, 0)).ToArray();
        pf[0] = z;
        times.Add(0);
        fine.Add(z);
        for (int n = 1; n <= steps; n++)
        {
            for (int s = 1; s <= substeps; s++)
            {
                z = PrincipalFlow.RkStep(loss, lr, z, lr / substeps);
                if (s % every == 0 || s == substeps) { times.Add(n - 1 + (double)s / substeps); fine.Add(z); }
            }
            pf[n] = z;
        }
        return new PrincipalFlowResult(gd, pf, times.ToArray(), fine.ToArray(), eig, false);
    }
}
