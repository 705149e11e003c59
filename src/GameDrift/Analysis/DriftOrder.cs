using GameDrift.Games;
using GameDrift.ToyRuns;

namespace GameDrift.Analysis;

/// <summary>One fitted local order (a row of slopes.csv).</summary>
/// <param name="H">the base steps; <param name="Errors"/> the one-step errors the slope is fitted to.</param>
public sealed record DriftOrderRow(string Scheme, string Flow, double Slope, double[]? H = null, double[]? Errors = null);

/// <summary>The pure function behind `gamedrift drift-order`: one-step error slopes of the original flow and of both
/// modified flows (the paper form read per player, as its one-step statement holds) for a learning-rate ratio
/// alpha/lambda = <c>lrRatio</c> (lambda = 1). The base steps span a decade, scaled so that the larger rate is at most 0.04.
/// Expect about 2, 3, 3.</summary>
public static class DriftOrder
{
    public static readonly string[] Columns = { "scheme", "flow", "slope" };

    public static IReadOnlyList<DriftOrderRow> Run(IVectorFieldGame game, SchemeKind scheme, double lrRatio, double[] start,
        int points = 6, int substeps = 20)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!(lrRatio > 0) || !double.IsFinite(lrRatio))
            throw new ArgumentException($"the learning-rate ratio must be a positive finite number (got {lrRatio})", nameof(lrRatio));
        JointState.Check(game, start.Length);
        double alpha = lrRatio, lambda = 1, top = 0.04 / Math.Max(alpha, lambda);
        var hs = LogRange.Values(top / 10, top, points);
        var flows = new (string Name, FlowKind Kind)[]
        {
            ("original", FlowKind.Original), ("modified-paper", FlowKind.ModifiedPaper), ("modified-single-clock", FlowKind.ModifiedSingleClock),
        };
        return flows.Select(f => LocalErrorOrder.Fit(game, scheme, f.Kind, start, alpha, lambda, hs, substeps) is var fit
            ? new DriftOrderRow(scheme.ToString().ToLowerInvariant(), f.Name, fit.Slope, fit.H, fit.Errors) : null!).ToArray();
    }
}
