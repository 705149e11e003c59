namespace GameDrift.Analysis.SingleObjective;

/// <summary>Continuous models of gradient descent theta' = theta - h grad E (spec §2, §8, §9).</summary>
public enum GdFlow
{
    /// <summary>Negative gradient flow, theta' = -g: local error O(h²).</summary>
    Gradient,
    /// <summary>The IGR flow, -(g + h/2 H g): local error O(h³) (spec §8.1, T1).</summary>
    Igr,
    /// <summary>The third-order flow, -(g + h/2 Hg + h²(⅓ H²g + 1/12 ∇³E[g, g])): local error O(h⁴) (spec §9.1, T8).</summary>
    ThirdOrder,
    /// <summary>The principal flow (spec §9.2): every H^k g term; local error O(h³) (it drops ∇³E) but exact on quadratics.</summary>
    Principal,
}

/// <summary>The real modified fields of <see cref="GdFlow"/> and their one-step solves (RK4 on plain arrays).</summary>
public static class GdFlows
{
    /// <summary>The field of a real flow (not <see cref="GdFlow.Principal"/>, which is complex: see <see cref="PrincipalFlow"/>).</summary>
    public static double[] Field(IScalarLoss loss, GdFlow flow, double h, double[] theta)
    {
        var g = LossCalculus.Gradient(loss, theta);
        int d = g.Length;
        var r = new double[d];
        for (int i = 0; i < d; i++) r[i] = -g[i];
        if (flow == GdFlow.Gradient) return r;
        var hg = LossCalculus.Hvp(loss, theta, g);
        for (int i = 0; i < d; i++) r[i] -= h / 2 * hg[i];
        if (flow == GdFlow.Igr) return r;
        if (flow != GdFlow.ThirdOrder) throw new ArgumentException($"{flow} is not a real flow here", nameof(flow));
        var h2g = LossCalculus.Hvp(loss, theta, hg);
        var t3 = LossCalculus.ThirdOrder(loss, theta, g);
        for (int i = 0; i < d; i++) r[i] -= h * h * (h2g[i] / 3 + t3[i] / 12);
        return r;
    }

    /// <summary>One GD step theta - h g.</summary>
    public static double[] GdStep(IScalarLoss loss, double h, double[] theta)
    {
        var g = LossCalculus.Gradient(loss, theta);
        return theta.Select((t, i) => t - h * g[i]).ToArray();
    }

    /// <summary>The flow's state at time <paramref name="time"/> from theta0 by RK4 with <paramref name="substeps"/> steps.</summary>
    public static double[] Solve(IScalarLoss loss, GdFlow flow, double h, double[] theta0, double time, int substeps)
    {
        if (flow == GdFlow.Principal)
            return PrincipalFlow.Integrate(loss, h, theta0, time, substeps).Select(c => c.Real).ToArray();
        var z = (double[])theta0.Clone();
        double dt = time / substeps;
        for (int s = 0; s < substeps; s++)
        {
            var k1 = Field(loss, flow, h, z);
            var k2 = Field(loss, flow, h, Axpy(z, dt / 2, k1));
            var k3 = Field(loss, flow, h, Axpy(z, dt / 2, k2));
            var k4 = Field(loss, flow, h, Axpy(z, dt, k3));
            for (int i = 0; i < z.Length; i++) z[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return z;
    }

    private static double[] Axpy(double[] z, double a, double[] k) => z.Select((v, i) => v + a * k[i]).ToArray();
}

/// <summary>One fitted one-step error order of a GD flow (a row of drift-order's slopes.csv).</summary>
public sealed record GdOrderFit(GdFlow Flow, double[] Hs, double[] Errors, double Slope);

/// <summary>The local-error order test for gradient descent (spec T1, T8): one GD step against the time-h solution of
/// each flow; expect slopes about 2 (gradient), 3 (IGR, principal), 4 (third order).</summary>
public static class GdOrder
{
    /// <summary>The step sizes of spec T8.</summary>
    public static readonly double[] DefaultSteps = { 0.08, 0.04, 0.02, 0.01 };

    /// <summary>All four flows with their drift-order names: gradient ~2, igr ~3, third-order ~4, principal ~3.</summary>
    public static IReadOnlyList<(string Name, GdOrderFit Fit)> FitAll(IScalarLoss loss, double[] theta0, double[]? hs = null) =>
        new[] { ("gradient", GdFlow.Gradient), ("igr", GdFlow.Igr), ("third-order", GdFlow.ThirdOrder), ("principal", GdFlow.Principal) }
            .Select(f => (f.Item1, Fit(loss, f.Item2, theta0, hs ?? DefaultSteps))).ToArray();

    public static GdOrderFit Fit(IScalarLoss loss, GdFlow flow, double[] theta0, double[] hs, int substeps = 40)
    {
        if (hs.Length < 2) throw new ArgumentException("the order test needs at least two step sizes", nameof(hs));
        var errors = hs.Select(h =>
        {
            var gd = GdFlows.GdStep(loss, h, theta0);
            var flowEnd = GdFlows.Solve(loss, flow, h, theta0, h, substeps);
            return Math.Sqrt(gd.Select((v, i) => (v - flowEnd[i]) * (v - flowEnd[i])).Sum());
        }).ToArray();
        return new GdOrderFit(flow, (double[])hs.Clone(), errors, LocalErrorOrder.LogLogSlope(hs, errors));
    }
}
