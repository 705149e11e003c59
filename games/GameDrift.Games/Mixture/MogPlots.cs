using GameDrift.Io.Png;
using GameDrift.Reports.Charts;
using ScottPlot;

namespace GameDrift.Games.Mixture;

/// <summary>Scatter pictures of generated samples over the mode centres (the mode-collapse picture).</summary>
public static class MogPlots
{
    /// <summary>The samples (translucent dots) and the centres (crosses) on a fixed square view of the ring.</summary>
    public static Plot Draw(RingOfGaussians ring, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string title)
    {
        double lim = ring.Radius * 1.5;
        var plot = Chart.Lines(title, "x", "y");
        // Points outside the view (a generator far off) are not drawn; the metrics still count them.
        var samples = plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.FilledCircle, 3, Color.FromHex("#1f77b4").WithAlpha(0.3));
        samples.LegendText = "generated";
        var centres = plot.Add.Markers(ring.Centres.Select(c => c.X).ToArray(), ring.Centres.Select(c => c.Y).ToArray(),
            MarkerShape.Cross, 12, Color.FromHex("#d62728"));
        centres.MarkerStyle.LineWidth = 2;
        centres.LegendText = "mode centres";
        plot.Axes.SetLimits(-lim, lim, -lim, lim);
        plot.HideLegend();
        return plot;
    }

    /// <summary>One snapshot as a square picture.</summary>
    public static PngImage Picture(RingOfGaussians ring, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string title) =>
        Chart.ToImage(Draw(ring, xs, ys, title), 480, 480);

    /// <summary>All snapshots in one figure, three per row.</summary>
    public static PngImage Panel(RingOfGaussians ring, IReadOnlyList<(double[] Xs, double[] Ys, string Title)> snapshots, string title)
    {
        if (snapshots.Count == 0) throw new ArgumentException("no snapshots to draw");
        var panels = snapshots.Select(s => Draw(ring, s.Xs, s.Ys, s.Title)).ToList();
        return Chart.Grid(panels, 3, 400, 400, title);
    }
}
