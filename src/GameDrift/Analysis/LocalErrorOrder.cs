using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>One-step errors of a flow against one Euler step, for a set of base steps h.</summary>
/// <param name="H">The base steps (learning rates alpha*h, lambda*h).</param>
/// <param name="Errors">Euclidean norm of (Euler step - flow prediction), one per h.</param>
/// <param name="Slope">Least-squares slope of log error against log h (the local order).</param>
public sealed record OrderFit(double[] H, double[] Errors, double Slope);

/// <summary>The local-error order test (spec §10 T1/T3): one Euler step from z0 against the time-one (or per-player)
/// solution of each flow, for h over a range; the fitted slope is ~2 for the original flow and ~3 for the modified ones.</summary>
public static class LocalErrorOrder
{
    /// <summary>Errors and slope of <paramref name="kind"/> for learning rates (alpha h, lambda h), h in <paramref name="hs"/>.
    /// All h advance in one batched computation.</summary>
    public static OrderFit Fit(IVectorFieldGame game, SchemeKind scheme, FlowKind kind, double[] z0, double alpha, double lambda,
        double[] hs, int substeps = 50)
    {
        if (hs.Length < 2) throw new ArgumentException("the order test needs at least two step sizes", nameof(hs));
        JointState.Check(game, z0.Length);
        using var scope = torch.NewDisposeScope();
        int b = hs.Length, d = z0.Length;
        var hT = torch.Tensor(hs, new long[] { b, 1 });
        var etaPhi = hT * alpha;
        var etaTheta = hT * lambda;
        var z = torch.Tensor(Enumerable.Range(0, b).SelectMany(_ => z0).ToArray(), new long[] { b, d });
        var (phi, theta) = JointState.Split(game, z);
        var (p1, t1) = DiscreteMaps.Step(game, new SchemeInfo(scheme), phi, theta, etaPhi, etaTheta);
        var flow = Flows.Predict(game, scheme, kind, z, etaPhi, etaTheta, 1, substeps);
        var errors = (JointState.Join(p1, t1) - flow).Norm(2, new long[] { -1 }).ToArray<double>();
        return new OrderFit((double[])hs.Clone(), errors, LogLogSlope(hs, errors));
    }

    /// <summary>Least-squares slope of log y against log x.</summary>
    public static double LogLogSlope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < 2) throw new ArgumentException("need at least two matching points");
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        double mx = lx.Average(), my = ly.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < lx.Length; i++) { sxy += (lx[i] - mx) * (ly[i] - my); sxx += (lx[i] - mx) * (lx[i] - mx); }
        return sxy / sxx;
    }
}
