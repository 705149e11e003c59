using ScottPlot;

namespace GameDrift.Reports.Charts;

/// <summary>A line through the means over seeds with a bar from the smallest to the largest seed at each point.</summary>
public static class SeedBars
{
    public static void Add(Plot plot, double[] xs, double[] mean, double[] min, double[] max, string label, Color color)
    {
        var bars = plot.Add.ErrorBar(xs, mean, mean.Select((m, i) => m - min[i]).ToArray());
        bars.YErrorNegative = mean.Select((m, i) => m - min[i]).ToArray();
        bars.YErrorPositive = mean.Select((m, i) => max[i] - m).ToArray();
        bars.Color = color;
        bars.LineWidth = 1.5f;
        bars.CapSize = 5;
        var line = plot.Add.ScatterLine(xs, mean, color);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        line.MarkerShape = MarkerShape.FilledCircle;
        line.LegendText = label;
    }
}
