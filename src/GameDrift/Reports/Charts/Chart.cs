using GameDrift.Io.Png;
using ScottPlot;
using SkiaSharp;

namespace GameDrift.Reports.Charts;

/// <summary>The entry points for drawing a picture with ScottPlot in the project's style:
/// <code>
/// var p = Chart.Lines("FID", "step", "FID (lower is better)");
/// p.Add.ScatterLine(steps, fid).LegendText = "alternating";
/// Chart.SavePng(p, "fid.png", 640, 420);          // or Chart.ToImage(p, w, h) for a report figure
/// var h = Chart.Heatmap("drift", values, "lr_d", "lr_g");
/// </code></summary>
public static class Chart
{
    /// <summary>An empty plot with the embedded font, a title and axis labels.</summary>
    public static Plot Lines(string title, string xLabel, string yLabel)
    {
        var plot = ChartFont.Apply(new Plot());
        plot.Title(title, size: 15);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        return plot;
    }

    /// <summary>A heatmap of <paramref name="values"/>[row, column] (row 0 at the bottom) with a colour bar.</summary>
    public static Plot Heatmap(string title, double[,] values, string xLabel, string yLabel, string? colorbarLabel = null)
    {
        var plot = Lines(title, xLabel, yLabel);
        var hm = plot.Add.Heatmap(values);
        hm.FlipVertically = true;
        var bar = plot.Add.ColorBar(hm);
        if (colorbarLabel is not null) bar.Label = colorbarLabel;
        return plot;
    }

    /// <summary>Shows the y axis in log10 units with ticks labelled in data units (the data must be passed as log10).</summary>
    public static void LogY(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"{Math.Pow(10, y):G3}",
        };
    }

    public static byte[] ToPng(Plot plot, int width, int height) => plot.GetImageBytes(width, height, ImageFormat.Png);

    public static PngImage ToImage(Plot plot, int width, int height) => PngDecoder.Decode(ToPng(plot, width, height));

    public static void SavePng(Plot plot, string path, int width, int height) =>
        PngEncoder.Save(ToImage(plot, width, height), path);

    /// <summary>Panels of one size in a grid, left to right and top to bottom; an odd last row leaves blank space.</summary>
    public static PngImage Grid(IReadOnlyList<Plot> panels, int columns, int width, int height)
    {
        int cols = Math.Max(1, Math.Min(columns, panels.Count)), rows = (panels.Count + cols - 1) / cols;
        using var surface = SKSurface.Create(new SKImageInfo(cols * width, rows * height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        surface.Canvas.Clear(SKColors.White);
        for (int k = 0; k < panels.Count; k++)
        {
            using var panel = SKBitmap.Decode(ToPng(panels[k], width, height));
            surface.Canvas.DrawBitmap(panel, k % cols * width, k / cols * height);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return PngDecoder.Decode(data.ToArray());
    }
}
