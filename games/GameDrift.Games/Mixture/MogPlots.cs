using GameDrift.Io.Plots;

namespace GameDrift.Games.Mixture;

/// <summary>Scatter pictures of generated samples over the mode centres (the mode-collapse picture).</summary>
public static class MogPlots
{
    /// <summary>Draws the samples (translucent dots) and the centres (crosses) on a fixed square view of the ring.</summary>
    public static void Draw(Plot plot, RingOfGaussians ring, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string title)
    {
        double lim = ring.Radius * 1.5;
        plot.Title = title;
        plot.XLim = (-lim, lim);
        plot.YLim = (-lim, lim);
        plot.Legend = LegendLocation.None;
        // Points outside the view (a generator far off) are not drawn; the metrics still count them.
        plot.Scatter(xs, ys, "generated", Rgb.FromHex("#1f77b4"), size: 3, alpha: 0.25);
        plot.Scatter(ring.Centres.Select(c => c.X).ToArray(), ring.Centres.Select(c => c.Y).ToArray(), "mode centres",
            Rgb.FromHex("#d62728"), size: 10, marker: Marker.Cross);
    }

    /// <summary>All snapshots in one figure, three per row.</summary>
    public static Figure Panel(RingOfGaussians ring, IReadOnlyList<(double[] Xs, double[] Ys, string Title)> snapshots, string title)
    {
        if (snapshots.Count == 0) throw new ArgumentException("no snapshots to draw");
        int cols = Math.Min(3, snapshots.Count), rows = (snapshots.Count + cols - 1) / cols;
        var fig = new Figure(rows, cols, 400, 400) { Title = title, TitleFontScale = 2 };
        for (int i = 0; i < snapshots.Count; i++)
            Draw(fig[i / cols, i % cols], ring, snapshots[i].Xs, snapshots[i].Ys, snapshots[i].Title);
        return fig;
    }
}
