namespace GameDrift.Io.Plots;

/// <summary>
/// A grid of category indices shown as coloured cells with one legend entry per category (e.g. verdict maps:
/// converged / cycling / diverged). <c>Categories[row, column]</c> sits at (<c>Xs[column]</c>, <c>Ys[row]</c>);
/// indices outside the names (such as -1) are shown in <see cref="MissingColor"/>.
/// </summary>
public sealed class CategoryMapSeries : Series
{
    private readonly CellGrid grid;

    internal CategoryMapSeries(int[,] categories, IReadOnlyList<double> xs, IReadOnlyList<double> ys,
        IReadOnlyList<string> names, IReadOnlyList<Rgb>? colors)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(names);
        grid = new CellGrid(xs, ys, categories.GetLength(0), categories.GetLength(1));
        if (colors is not null && colors.Count < names.Count)
            throw new ArgumentException($"{names.Count} categories need as many colours, got {colors.Count}.", nameof(colors));
        Categories = categories;
        Names = names;
        Colors = colors ?? Enumerable.Range(0, names.Count).Select(Palette.Get).ToArray();
    }

    /// <summary>Category index per cell, indexed [row (y), column (x)].</summary>
    public int[,] Categories { get; }

    /// <summary>Category names, in index order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Category colours, in index order.</summary>
    public IReadOnlyList<Rgb> Colors { get; }

    /// <summary>Colour of cells without a valid category.</summary>
    public Rgb MissingColor { get; set; } = Palette.Missing;

    /// <summary>Name shown in the legend for missing cells, when any are present; null leaves them out.</summary>
    public string? MissingLabel { get; set; } = "n/a";

    internal override bool Tight => true;

    /// <summary>The colour a cell holding category <paramref name="index"/> is painted with.</summary>
    public Rgb ColorOf(int index) => index >= 0 && index < Names.Count ? Colors[index] : MissingColor;

    internal override (Extent? X, Extent? Y) Bounds(Scale xScale, Scale yScale) => grid.Bounds(xScale, yScale);

    internal override void Draw(PlotContext ctx) => grid.Paint(ctx, (r, c) => ColorOf(Categories[r, c]));

    internal override IEnumerable<LegendEntry> LegendEntries()
    {
        for (int i = 0; i < Names.Count; i++)
        {
            Rgb color = Colors[i];
            yield return new LegendEntry(Names[i], (canvas, key) => Swatch(canvas, key, color));
        }
        bool anyMissing = Categories.Cast<int>().Any(k => k < 0 || k >= Names.Count);
        if (anyMissing && MissingLabel is not null)
            yield return new LegendEntry(MissingLabel, (canvas, key) => Swatch(canvas, key, MissingColor));
    }

    private static void Swatch(Canvas canvas, PixelRect key, Rgb color)
    {
        int side = Math.Min(key.Width, key.Height);
        var r = new PixelRect(key.X + (key.Width - side) / 2, key.Y + (key.Height - side) / 2, side, side);
        canvas.FillRect(r, color);
        canvas.DrawRect(r, Rgb.Gray(90));
    }
}
