using GameDrift.Io.Png;

namespace GameDrift.Io.Plots;

/// <summary>
/// One set of axes rendered to a PNG, in the spirit of a small matplotlib:
/// <code>
/// var p = new Plot(640, 480) { Title = "FID", XLabel = "learning rate", XScale = Scale.Log };
/// p.Line(lrs, fid, "Adam");
/// p.Save("fid.png");
/// </code>
/// Series are drawn in the order they are added; colours follow <see cref="Palette.Tab10"/> unless given.
/// </summary>
public sealed class Plot
{
    private readonly List<Series> series = [];
    private int nextColor;
    private Rgb? lastColor;

    /// <summary>Creates an empty plot of the given size in pixels.</summary>
    public Plot(int width = 640, int height = 480)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 64);
        Width = width;
        Height = height;
    }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Text above the axes.</summary>
    public string? Title { get; set; }

    /// <summary>Text below the x axis.</summary>
    public string? XLabel { get; set; }

    /// <summary>Text left of the y axis, reading upwards.</summary>
    public string? YLabel { get; set; }

    /// <summary>Linear or log10 x axis.</summary>
    public Scale XScale { get; set; } = Scale.Linear;

    /// <summary>Linear or log10 y axis.</summary>
    public Scale YScale { get; set; } = Scale.Linear;

    /// <summary>
    /// Fixed x limits; automatic when null: the data range plus a 5% margin, or exactly the cells of any
    /// heatmap or category map (other series then do not widen the range).
    /// </summary>
    public (double Min, double Max)? XLim { get; set; }

    /// <summary>Fixed y limits; automatic like <see cref="XLim"/> when null.</summary>
    public (double Min, double Max)? YLim { get; set; }

    /// <summary>Light grid lines at the major ticks, behind the data.</summary>
    public bool Grid { get; set; } = true;

    /// <summary>Legend placement.</summary>
    public LegendLocation Legend { get; set; } = LegendLocation.Auto;

    /// <summary>Show a colour bar for the first heatmap.</summary>
    public bool ShowColorbar { get; set; } = true;

    /// <summary>Integer scale of the built-in font for labels and ticks (1 = 5x8 px glyphs).</summary>
    public int FontScale { get; set; } = 1;

    /// <summary>Font scale of the title; <see cref="FontScale"/> + 1 when null.</summary>
    public int? TitleFontScale { get; set; }

    /// <summary>Image background.</summary>
    public Rgb Background { get; set; } = Rgb.White;

    /// <summary>Colour of axes, ticks and text.</summary>
    public Rgb Ink { get; set; } = Rgb.Gray(20);

    /// <summary>Colour of grid lines.</summary>
    public Rgb GridColor { get; set; } = Rgb.Gray(228);

    /// <summary>The series added so far, in drawing order.</summary>
    public IReadOnlyList<Series> Series => series;

    /// <summary>Adds a line through (xs[i], ys[i]); NaN values leave gaps.</summary>
    public LineSeries Line(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string? label = null, Rgb? color = null,
        double width = 1.5, LineStyle style = LineStyle.Solid, Marker marker = Marker.None) =>
        Add(new LineSeries(xs, ys, color ?? NextColor()) { Label = label, Width = width, Style = style, Marker = marker });

    /// <summary>Adds a line through (i, ys[i]), e.g. a loss curve against step.</summary>
    public LineSeries Line(IReadOnlyList<double> ys, string? label = null, Rgb? color = null,
        double width = 1.5, LineStyle style = LineStyle.Solid) =>
        Line(Enumerable.Range(0, ys.Count).Select(i => (double)i).ToArray(), ys, label, color, width, style);

    /// <summary>Adds unconnected markers.</summary>
    public ScatterSeries Scatter(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string? label = null, Rgb? color = null,
        double size = 6, Marker marker = Marker.Circle, double alpha = 1) =>
        Add(new ScatterSeries(xs, ys, color ?? NextColor()) { Label = label, Size = size, Marker = marker, Alpha = alpha });

    /// <summary>Adds points with symmetric error bars ys[i] +/- yErr[i].</summary>
    public ErrorBarSeries ErrorBar(IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<double> yErr,
        string? label = null, Rgb? color = null) =>
        ErrorBar(xs, ys, yErr, yErr, label, color);

    /// <summary>Adds points with error bars from ys[i] - yErrLow[i] to ys[i] + yErrHigh[i].</summary>
    public ErrorBarSeries ErrorBar(IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<double> yErrLow,
        IReadOnlyList<double> yErrHigh, string? label = null, Rgb? color = null)
    {
        Plots.Series.CheckSameLength(ys, yErrLow, "ErrorBar");
        Plots.Series.CheckSameLength(ys, yErrHigh, "ErrorBar");
        var lower = ys.Select((y, i) => y - yErrLow[i]).ToArray();
        var upper = ys.Select((y, i) => y + yErrHigh[i]).ToArray();
        return Add(new ErrorBarSeries(xs, ys, lower, upper, color ?? NextColor()) { Label = label });
    }

    /// <summary>
    /// Adds mean +/- one standard deviation across seeds: <paramref name="runs"/>[seed][i] is the value of one seed at xs[i].
    /// Non-finite values (diverged seeds) are skipped per point.
    /// </summary>
    public ErrorBarSeries ErrorBarFromSeeds(IReadOnlyList<double> xs, IReadOnlyList<IReadOnlyList<double>> runs,
        string? label = null, Rgb? color = null)
    {
        var (mean, std) = SeedStats.MeanAndStd(runs);
        return ErrorBar(xs, mean, std, label, color);
    }

    /// <summary>
    /// Shades the region between two curves. Without a colour it reuses the colour of the most recently added
    /// series, so <c>Line(...)</c> followed by <c>Band(...)</c> gives a matching spread.
    /// </summary>
    public BandSeries Band(IReadOnlyList<double> xs, IReadOnlyList<double> lower, IReadOnlyList<double> upper,
        string? label = null, Rgb? color = null, double alpha = 0.25) =>
        Add(new BandSeries(xs, lower, upper, color ?? lastColor ?? NextColor()) { Label = label, Alpha = alpha });

    /// <summary>Adds a horizontal line across the axes at <paramref name="y"/>.</summary>
    public ReferenceLine HLine(double y, Rgb? color = null, LineStyle style = LineStyle.Dashed, string? label = null) =>
        Add(new ReferenceLine(true, y, color ?? Rgb.Gray(80)) { Style = style, Label = label });

    /// <summary>Adds a vertical line across the axes at <paramref name="x"/>.</summary>
    public ReferenceLine VLine(double x, Rgb? color = null, LineStyle style = LineStyle.Dashed, string? label = null) =>
        Add(new ReferenceLine(false, x, color ?? Rgb.Gray(80)) { Style = style, Label = label });

    /// <summary>
    /// Adds a heatmap of <paramref name="values"/>[row, column] at (xs[column], ys[row]); coordinates may be cell
    /// centres or cell edges (one more than cells). Also shows a colour bar unless <see cref="ShowColorbar"/> is off.
    /// </summary>
    public HeatmapSeries Heatmap(double[,] values, IReadOnlyList<double> xs, IReadOnlyList<double> ys,
        string? colorbarLabel = null, ColorMap? colorMap = null, Scale colorScale = Scale.Linear,
        double? vmin = null, double? vmax = null) =>
        Add(new HeatmapSeries(values, xs, ys)
        {
            ColorbarLabel = colorbarLabel,
            ColorMap = colorMap ?? ColorMap.Viridis,
            ColorScale = colorScale,
            VMin = vmin,
            VMax = vmax,
        });

    /// <summary>
    /// Adds a categorical map: <paramref name="categories"/>[row, column] indexes <paramref name="names"/>;
    /// colours default to <see cref="Palette.Tab10"/>. The legend lists the categories.
    /// </summary>
    public CategoryMapSeries CategoryMap(int[,] categories, IReadOnlyList<double> xs, IReadOnlyList<double> ys,
        IReadOnlyList<string> names, IReadOnlyList<Rgb>? colors = null) =>
        Add(new CategoryMapSeries(categories, xs, ys, names, colors));

    /// <summary>The rectangle inside the axes where data is drawn, for the current contents.</summary>
    public PixelRect PlotArea => PlotLayout.Compute(this).Area;

    /// <summary>Continuous pixel coordinates of a data point (the pixel is the floor of each).</summary>
    public (double X, double Y) DataToPixel(double x, double y)
    {
        var layout = PlotLayout.Compute(this);
        return (layout.X.ToPixel(x), layout.Y.ToPixel(y));
    }

    /// <summary>The data point at continuous pixel coordinates.</summary>
    public (double X, double Y) PixelToData(double px, double py)
    {
        var layout = PlotLayout.Compute(this);
        return (layout.X.FromPixel(px), layout.Y.FromPixel(py));
    }

    /// <summary>Draws the plot onto a new canvas.</summary>
    public Canvas Render() => PlotPainter.Paint(this, PlotLayout.Compute(this));

    /// <summary>The rendered plot as an RGB image.</summary>
    public PngImage ToImage() => Render().ToImage();

    /// <summary>The rendered plot as PNG bytes.</summary>
    public byte[] ToPng() => PngEncoder.Encode(ToImage());

    /// <summary>Renders and writes a PNG file, creating its directory if needed.</summary>
    public void Save(string path) => Render().Save(path);

    internal (double Min, double Max) ResolveLimits(bool horizontal)
    {
        Scale scale = horizontal ? XScale : YScale;
        if ((horizontal ? XLim : YLim) is { } fixedLimits)
        {
            if (!scale.Accepts(fixedLimits.Min) || !scale.Accepts(fixedLimits.Max) || fixedLimits.Min == fixedLimits.Max)
                throw new InvalidOperationException($"{(horizontal ? "XLim" : "YLim")} {fixedLimits} is not a valid range for a {scale} axis.");
            return fixedLimits;
        }

        // Maps define the frame; overlays such as analytic boundaries are clipped to it rather than widening it.
        bool anyTight = series.Any(s => s.Tight);
        Extent? extent = null;
        foreach (var s in series.Where(s => s.Tight || !anyTight))
        {
            var (x, y) = s.Bounds(XScale, YScale);
            extent = Extent.Union(extent, horizontal ? x : y);
        }
        if (extent is null) return scale == Scale.Log ? (1, 10) : (0, 1);

        double t0 = scale.Transform(extent.Value.Min), t1 = scale.Transform(extent.Value.Max);
        if (t0 == t1)
        {
            double delta = scale == Scale.Log || t0 == 0 ? 0.5 : Math.Abs(t0) * 0.05;
            t0 -= delta;
            t1 += delta;
        }
        else if (!anyTight)
        {
            double margin = 0.05 * (t1 - t0);
            t0 -= margin;
            t1 += margin;
        }
        if (scale == Scale.Log)
        {
            // Keep padded limits representable as doubles (10^-330 would underflow to 0).
            t0 = Math.Max(t0, -307);
            t1 = Math.Min(t1, 307);
        }
        return (scale.Inverse(t0), scale.Inverse(t1));
    }

    private T Add<T>(T s) where T : Series
    {
        series.Add(s);
        lastColor = s switch
        {
            LineSeries l => l.Color,
            ScatterSeries sc => sc.Color,
            ErrorBarSeries e => e.Color,
            BandSeries b => b.Color,
            _ => lastColor,
        };
        return s;
    }

    private Rgb NextColor() => Palette.Get(nextColor++);
}
