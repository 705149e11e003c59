using ScottPlot;

namespace GameDrift.Reports;

/// <summary>The edge-of-stability ratio columns (<c>sharpness_d_x_lr_d_over_2</c>, ...: λ·lr/2, spec §9.2) get a dashed
/// line at 1, the edge of plain gradient descent, kept in view.</summary>
public static class EdgeOfStability
{
    public static bool IsRatio(string column) =>
        column.StartsWith("sharpness_", StringComparison.Ordinal) && column.EndsWith("_over_2", StringComparison.Ordinal);

    public static void Mark(Plot plot, string column, IEnumerable<double> values)
    {
        if (!IsRatio(column)) return;
        var finite = values.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var edge = plot.Add.HorizontalLine(1, 1.5f, Colors.Black);
        edge.LinePattern = LinePattern.Dashed;
        edge.LegendText = "edge";
        plot.Axes.SetLimitsY(Math.Min(0, finite.Min()) - 0.05, Math.Max(1.1, finite.Max() * 1.05));
    }
}
