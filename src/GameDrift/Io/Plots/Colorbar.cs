namespace GameDrift.Io.Plots;

/// <summary>The vertical colour scale beside a heatmap, with ticks, labels and an optional title.</summary>
internal sealed class Colorbar
{
    private readonly HeatmapSeries heatmap;
    private readonly int fs;
    private readonly (double Min, double Max) limits;
    private readonly double[] ticks;
    private readonly string[] labels;

    public Colorbar(HeatmapSeries heatmap, int fontScale, int maxTicks)
    {
        this.heatmap = heatmap;
        fs = fontScale;
        limits = heatmap.ColorLimits();
        if (heatmap.ColorScale == Scale.Log)
        {
            ticks = Ticks.Log10(limits.Min, limits.Max, maxTicks);
            labels = ticks.Select(TickFormat.Log).ToArray();
        }
        else
        {
            ticks = Ticks.Linear(limits.Min, limits.Max, maxTicks);
            labels = TickFormat.Linear(ticks);
        }
        if (heatmap.ColorScale.Transform(limits.Max) == heatmap.ColorScale.Transform(limits.Min))
        {
            // A constant map: one label for the single colour in the middle of the bar.
            ticks = [limits.Min];
            labels = [heatmap.ColorScale == Scale.Log ? TickFormat.Log(limits.Min) : TickFormat.Linear([limits.Min])[0]];
        }
        int labelWidth = labels.Length == 0 ? 0 : labels.Max(l => Canvas.MeasureText(l, fs).Width);
        Width = BarWidth + TickLength + LabelGap + labelWidth
            + (string.IsNullOrEmpty(heatmap.ColorbarLabel) ? 0 : 6 * fs + Canvas.MeasureText("", fs).Height);
    }

    public int BarWidth => 12 + 4 * fs;
    private int TickLength => 3 + fs;

    // Wider than on the axes: here the tick precedes the label and would otherwise read as a minus sign.
    private int LabelGap => 3 + 3 * fs;

    /// <summary>Total width including labels and title.</summary>
    public int Width { get; }

    /// <summary>Draws the bar with its left edge at column <paramref name="x"/>, spanning the rows of <paramref name="area"/>.</summary>
    public void Draw(Canvas canvas, int x, PixelRect area, Rgb ink)
    {
        var bar = new PixelRect(x, area.Y, BarWidth, area.Height);
        bool flat = heatmap.ColorScale.Transform(limits.Max) == heatmap.ColorScale.Transform(limits.Min);
        var map = flat ? null : new AxisMap(heatmap.ColorScale, limits.Min, limits.Max, area.Bottom, area.Y);
        for (int row = bar.Y; row < bar.Bottom; row++)
        {
            // Colour of the value at the row centre, so the bar agrees with the cells.
            double t = flat ? 0.5 : (bar.Bottom - (row + 0.5)) / bar.Height;
            canvas.FillRect(new PixelRect(bar.X, row, bar.Width, 1), heatmap.ColorMap.Map(t));
        }
        canvas.DrawRect(new PixelRect(bar.X - 1, bar.Y - 1, bar.Width + 2, bar.Height + 2), ink);

        int labelRight = bar.Right + TickLength + LabelGap;
        int maxLabel = 0;
        for (int i = 0; i < ticks.Length; i++)
        {
            int row = map is null ? bar.Y + bar.Height / 2 : Math.Clamp((int)Math.Floor(map.ToPixel(ticks[i])), bar.Y, bar.Bottom - 1);
            canvas.DrawHLine(bar.Right + 1, bar.Right + TickLength, row, ink);
            canvas.DrawText(labelRight, row + 0.5, labels[i], ink, fs, HAlign.Left, VAlign.Middle);
            maxLabel = Math.Max(maxLabel, Canvas.MeasureText(labels[i], fs).Width);
        }
        if (!string.IsNullOrEmpty(heatmap.ColorbarLabel))
            canvas.DrawText(labelRight + maxLabel + 6 * fs, area.Y + area.Height / 2.0, heatmap.ColorbarLabel, ink, fs,
                HAlign.Left, VAlign.Middle, vertical: true);
    }
}
