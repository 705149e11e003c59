namespace GameDrift.Io.Plots;

/// <summary>Draws a plot from its computed layout: grid, series, axes, labels, colour bar and legend.</summary>
internal static class PlotPainter
{
    public static Canvas Paint(Plot plot, PlotLayout layout)
    {
        var canvas = new Canvas(plot.Width, plot.Height, plot.Background);
        PixelRect a = layout.Area;
        Rgb ink = plot.Ink;
        int fs = layout.Fs;

        if (plot.Grid)
        {
            foreach (double t in layout.XTicks) canvas.DrawVLine(Column(layout.X, t, a), a.Y, a.Bottom - 1, plot.GridColor);
            foreach (double t in layout.YTicks) canvas.DrawHLine(a.X, a.Right - 1, Row(layout.Y, t, a), plot.GridColor);
        }

        canvas.Clip = a;
        var ctx = new PlotContext(canvas, layout.X, layout.Y, a);
        foreach (var s in plot.Series) s.Draw(ctx);
        canvas.ResetClip();

        // Spines sit just outside the data area so they never hide data drawn on the limits.
        canvas.DrawRect(new PixelRect(a.X - 1, a.Y - 1, a.Width + 2, a.Height + 2), ink);

        int tick = layout.TickLength, minor = Math.Max(2, tick * 3 / 5);
        for (int i = 0; i < layout.XTicks.Length; i++)
        {
            int col = Column(layout.X, layout.XTicks[i], a);
            canvas.DrawVLine(col, a.Bottom + 1, a.Bottom + tick, ink);
            canvas.DrawText(col + 0.5, a.Bottom + 1 + tick + layout.TickGap, layout.XTickLabels[i], ink, fs, HAlign.Center);
        }
        foreach (double t in layout.XMinorTicks)
            canvas.DrawVLine(Column(layout.X, t, a), a.Bottom + 1, a.Bottom + minor, ink);

        for (int i = 0; i < layout.YTicks.Length; i++)
        {
            int row = Row(layout.Y, layout.YTicks[i], a);
            canvas.DrawHLine(a.X - 1 - tick, a.X - 2, row, ink);
            canvas.DrawText(a.X - 2 - tick - layout.TickGap, row + 0.5, layout.YTickLabels[i], ink, fs, HAlign.Right, VAlign.Middle);
        }
        foreach (double t in layout.YMinorTicks)
            canvas.DrawHLine(a.X - 1 - minor, a.X - 2, Row(layout.Y, t, a), ink);

        if (!string.IsNullOrEmpty(plot.XLabel))
        {
            int y = a.Bottom + 1 + tick + layout.TickGap + layout.TextHeight + layout.LabelGap;
            canvas.DrawText(a.X + a.Width / 2.0, y, plot.XLabel, ink, fs, HAlign.Center);
        }
        if (!string.IsNullOrEmpty(plot.YLabel))
            canvas.DrawText(8 * fs, a.Y + a.Height / 2.0, plot.YLabel, ink, fs, HAlign.Left, VAlign.Middle, vertical: true);
        if (!string.IsNullOrEmpty(plot.Title))
            canvas.DrawText(a.X + a.Width / 2.0, 8 * fs, plot.Title, ink, layout.TitleScale, HAlign.Center);

        layout.Colorbar?.Draw(canvas, a.Right + 1 + 10 * fs, a, ink);
        layout.Legend?.Draw(canvas, layout.LegendBox, ink);
        return canvas;
    }

    // The pixel column holding value v, kept inside the area so ticks at the limits stay on the axis.
    private static int Column(AxisMap map, double v, PixelRect a) => Math.Clamp((int)Math.Floor(map.ToPixel(v)), a.X, a.Right - 1);

    private static int Row(AxisMap map, double v, PixelRect a) => Math.Clamp((int)Math.Floor(map.ToPixel(v)), a.Y, a.Bottom - 1);
}
