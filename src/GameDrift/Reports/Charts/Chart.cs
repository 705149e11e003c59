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

    public static byte[] ToPng(Plot plot, int width, int height)
    {
        FitTitle(plot, width);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Shrinks the title's font until the title fits the image width (ScottPlot crops a long title).</summary>
    public static void FitTitle(Plot plot, int width)
    {
        var label = plot.Axes.Title.Label;
        if (string.IsNullOrEmpty(label.Text)) return;
        using var font = new SKFont(ChartFont.Typeface, label.FontSize);
        float room = width - 16;
        while (font.Size > 8 && font.MeasureText(label.Text) > room) font.Size -= 0.5f;
        label.FontSize = font.Size;
    }

    public static PngImage ToImage(Plot plot, int width, int height) => PngDecoder.Decode(ToPng(plot, width, height));

    public static void SavePng(Plot plot, string path, int width, int height) =>
        PngEncoder.Save(ToImage(plot, width, height), path);

    /// <summary>Panels of one size in a grid, left to right and top to bottom; an odd last row leaves blank space.
    /// A <paramref name="title"/> goes in a strip above the panels.</summary>
    public static PngImage Grid(IReadOnlyList<Plot> panels, int columns, int width, int height, string? title = null)
    {
        if (panels.Count == 0) throw new ArgumentException("a grid of charts needs at least one panel", nameof(panels));
        int cols = Math.Max(1, Math.Min(columns, panels.Count)), rows = (panels.Count + cols - 1) / cols;
        int top = title is null ? 0 : TitleStrip;
        using var surface = SKSurface.Create(new SKImageInfo(cols * width, top + rows * height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        surface.Canvas.Clear(SKColors.White);
        if (title is not null) DrawTitle(surface.Canvas, title, cols * width);
        for (int k = 0; k < panels.Count; k++)
        {
            using var panel = SKBitmap.Decode(ToPng(panels[k], width, height));
            surface.Canvas.DrawBitmap(panel, k % cols * width, top + k / cols * height);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return PngDecoder.Decode(data.ToArray());
    }

    /// <summary>Height of a figure's title strip in pixels.</summary>
    public const int TitleStrip = 34;

    private static void DrawTitle(SKCanvas canvas, string title, int width)
    {
        using var font = new SKFont(ChartFont.Typeface, 18);
        while (font.Size > 8 && font.MeasureText(title) > width - 16) font.Size -= 0.5f;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, width / 2f, TitleStrip / 2f + font.Size / 3f, SKTextAlign.Center, font, paint);
    }
}
