namespace GameDrift.Io.Plots;

/// <summary>Everything about a plot's geometry that depends on its data and text: limits, ticks, margins.</summary>
internal sealed class PlotLayout
{
    public required PixelRect Area { get; init; }
    public required AxisMap X { get; init; }
    public required AxisMap Y { get; init; }
    public required double[] XTicks { get; init; }
    public required string[] XTickLabels { get; init; }
    public required double[] XMinorTicks { get; init; }
    public required double[] YTicks { get; init; }
    public required string[] YTickLabels { get; init; }
    public required double[] YMinorTicks { get; init; }
    public Colorbar? Colorbar { get; init; }
    public Legend? Legend { get; init; }
    public PixelRect LegendBox { get; init; }
    public int Fs { get; init; }
    public int TitleScale { get; init; }

    public int TickLength => 3 + Fs;
    public int TickGap => 3 * Fs;
    public int LabelGap => 6 * Fs;
    public int TextHeight => Canvas.MeasureText("", Fs).Height;

    public static PlotLayout Compute(Plot plot)
    {
        int fs = plot.FontScale;
        int th = Canvas.MeasureText("", fs).Height;
        int pad = 8 * fs;
        int tickLength = 3 + fs, tickGap = 3 * fs, labelGap = 6 * fs;
        int titleScale = plot.TitleFontScale ?? fs + 1;

        var (xMin, xMax) = plot.ResolveLimits(horizontal: true);
        var (yMin, yMax) = plot.ResolveLimits(horizontal: false);

        int yMaxTicks = Math.Clamp(plot.Height / (th * 6), 3, 10);
        var (yTicks, yLabels) = AxisTicks(plot.YScale, yMin, yMax, yMaxTicks);
        double[] yMinor = plot.YScale == Scale.Log ? Ticks.Log10Minor(yMin, yMax) : [];

        HeatmapSeries? heatmap = plot.ShowColorbar ? plot.Series.OfType<HeatmapSeries>().FirstOrDefault() : null;
        Colorbar? colorbar = heatmap is null ? null : new Colorbar(heatmap, fs, yMaxTicks);

        var entries = plot.Series.SelectMany(s => s.LegendEntries()).ToList();
        LegendLocation location = plot.Legend;
        if (location == LegendLocation.Auto)
            location = plot.Series.OfType<CategoryMapSeries>().Any() ? LegendLocation.OutsideRight : LegendLocation.Best;
        Legend? legend = entries.Count > 0 && location != LegendLocation.None ? new Legend(entries, fs) : null;

        int top = pad + (string.IsNullOrEmpty(plot.Title) ? 0 : Canvas.MeasureText("", titleScale).Height + 6 * fs);
        int yLabelWidth = yLabels.Length == 0 ? 0 : yLabels.Max(l => Canvas.MeasureText(l, fs).Width);
        int left = pad + (string.IsNullOrEmpty(plot.YLabel) ? 0 : th + labelGap) + yLabelWidth + tickGap + tickLength + 1;
        int bottom = 1 + tickLength + tickGap + th + (string.IsNullOrEmpty(plot.XLabel) ? 0 : labelGap + th) + pad;
        int rightFixed = pad + 1;
        if (colorbar is not null) rightFixed += 10 * fs + colorbar.Width;
        if (legend is not null && location == LegendLocation.OutsideRight) rightFixed += 8 * fs + legend.Width;

        // Fewer x ticks until their labels no longer collide.
        int xMaxTicks = Math.Clamp(plot.Width / 80, 3, 10);
        while (true)
        {
            var (xTicks, xLabels) = AxisTicks(plot.XScale, xMin, xMax, xMaxTicks);
            int lastHalf = xLabels.Length == 0 ? 0 : Canvas.MeasureText(xLabels[^1], fs).Width / 2 + 1;
            int right = colorbar is null && location != LegendLocation.OutsideRight ? Math.Max(rightFixed, lastHalf + 2) : rightFixed;
            var area = new PixelRect(left, top, plot.Width - left - right, plot.Height - top - bottom);
            if (area.Width < 10 || area.Height < 10)
                throw new InvalidOperationException($"A {plot.Width}x{plot.Height} plot is too small for its labels; enlarge it or lower FontScale.");
            var xMap = new AxisMap(plot.XScale, xMin, xMax, area.X, area.Right);
            if (xMaxTicks > 2 && LabelsCollide(xTicks, xLabels, xMap, fs))
            {
                xMaxTicks--;
                continue;
            }
            var yMap = new AxisMap(plot.YScale, yMin, yMax, area.Bottom, area.Y);
            PixelRect legendBox = default;
            if (legend is not null)
            {
                if (location == LegendLocation.OutsideRight)
                {
                    int lx = plot.Width - pad - legend.Width;
                    legendBox = new PixelRect(lx, area.Y, legend.Width, legend.Height);
                }
                else
                {
                    var ctx = new PlotContext(new Canvas(1, 1), xMap, yMap, area);
                    var footprint = plot.Series.SelectMany(s => s.Footprint(ctx)).ToList();
                    legendBox = legend.PlaceInside(location, area, footprint);
                }
            }
            return new PlotLayout
            {
                Area = area,
                X = xMap,
                Y = yMap,
                XTicks = xTicks,
                XTickLabels = xLabels,
                XMinorTicks = plot.XScale == Scale.Log ? Ticks.Log10Minor(xMin, xMax) : [],
                YTicks = yTicks,
                YTickLabels = yLabels,
                YMinorTicks = yMinor,
                Colorbar = colorbar,
                Legend = legend,
                LegendBox = legendBox,
                Fs = fs,
                TitleScale = titleScale,
            };
        }
    }

    private static (double[] Ticks, string[] Labels) AxisTicks(Scale scale, double min, double max, int maxTicks)
    {
        if (scale == Scale.Log)
        {
            var t = Ticks.Log10(min, max, maxTicks);
            // Short log ranges fall back to linear steps such as 2, 2.5, 3, whose labels should share decimals.
            return (t, t.All(IsOneTwoFive) ? t.Select(TickFormat.Log).ToArray() : TickFormat.Linear(t));
        }
        var lin = Ticks.Linear(min, max, maxTicks);
        return (lin, TickFormat.Linear(lin));
    }

    private static bool IsOneTwoFive(double v)
    {
        int k = (int)Math.Floor(Math.Log10(v));
        // Neighbouring exponents too, in case log10 lands just below an integer.
        for (int e = k - 1; e <= k + 1; e++)
            foreach (double m in new[] { 1.0, 2.0, 5.0 })
                if (Math.Abs(v - m * Math.Pow(10, e)) <= 1e-9 * v) return true;
        return false;
    }

    private static bool LabelsCollide(double[] ticks, string[] labels, AxisMap map, int fs)
    {
        for (int i = 1; i < ticks.Length; i++)
        {
            double distance = Math.Abs(map.ToPixel(ticks[i]) - map.ToPixel(ticks[i - 1]));
            double needed = (Canvas.MeasureText(labels[i], fs).Width + Canvas.MeasureText(labels[i - 1], fs).Width) / 2.0 + 8 * fs;
            if (distance < needed) return true;
        }
        return false;
    }
}
