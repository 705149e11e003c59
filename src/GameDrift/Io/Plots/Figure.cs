using GameDrift.Io.Png;

namespace GameDrift.Io.Plots;

/// <summary>
/// A grid of plots saved as one image, with an optional overall title:
/// <code>
/// var fig = new Figure(1, 2);
/// fig[0, 0].Line(steps, lossD, "D");
/// fig[0, 1].Heatmap(drift, lrs, betas);
/// fig.Save("panel.png");
/// </code>
/// </summary>
public sealed class Figure
{
    private readonly Plot[,] plots;

    /// <summary>Creates <paramref name="rows"/> x <paramref name="columns"/> empty plots of the given cell size.</summary>
    public Figure(int rows, int columns, int cellWidth = 480, int cellHeight = 360)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        plots = new Plot[rows, columns];
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < columns; c++)
            plots[r, c] = new Plot(cellWidth, cellHeight);
        CellWidth = cellWidth;
        CellHeight = cellHeight;
    }

    /// <summary>Number of plot rows.</summary>
    public int Rows => plots.GetLength(0);

    /// <summary>Number of plot columns.</summary>
    public int Columns => plots.GetLength(1);

    /// <summary>Width of each plot in pixels.</summary>
    public int CellWidth { get; }

    /// <summary>Height of each plot in pixels.</summary>
    public int CellHeight { get; }

    /// <summary>Overall title above all plots.</summary>
    public string? Title { get; set; }

    /// <summary>Font scale of the overall title.</summary>
    public int TitleFontScale { get; set; } = 3;

    /// <summary>The plot at a grid position.</summary>
    public Plot this[int row, int column] => plots[row, column];

    /// <summary>Draws every plot into one canvas.</summary>
    public Canvas Render()
    {
        int titleHeight = string.IsNullOrEmpty(Title) ? 0 : Canvas.MeasureText("", TitleFontScale).Height + 16;
        var canvas = new Canvas(Columns * CellWidth, Rows * CellHeight + titleHeight);
        if (titleHeight > 0)
            canvas.DrawText(canvas.Width / 2.0, 8, Title!, Rgb.Gray(20), TitleFontScale, HAlign.Center);
        for (int r = 0; r < Rows; r++)
        for (int c = 0; c < Columns; c++)
            canvas.Blit(plots[r, c].Render(), c * CellWidth, titleHeight + r * CellHeight);
        return canvas;
    }

    /// <summary>The rendered figure as an RGB image.</summary>
    public PngImage ToImage() => Render().ToImage();

    /// <summary>Renders and writes a PNG file.</summary>
    public void Save(string path) => Render().Save(path);
}
