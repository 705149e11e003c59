using GameDrift.Io.Plots;

namespace GameDrift.Tests.Io.Plots;

public class HeatmapTests
{
    private static readonly double[] Xs = [1, 2, 3, 4];
    private static readonly double[] Ys = [10, 20, 30];

    private static double[,] Values() => new double[,]
    {
        { 0, 1, 2, 3 },
        { 4, 5, double.NaN, 7 },
        { 8, 9, 10, 12 },
    };

    private static (int X, int Y) CellCentre(Plot p, double x, double y)
    {
        var (px, py) = p.DataToPixel(x, y);
        return ((int)Math.Floor(px), (int)Math.Floor(py));
    }

    [Fact]
    public void CellColourEqualsColourMapValue()
    {
        var p = new Plot(500, 400);
        p.Heatmap(Values(), Xs, Ys, "drift");
        var canvas = p.Render();

        // Value 9 at (x = 2, y = 30); limits are the data range 0..12.
        var (cx, cy) = CellCentre(p, 2, 30);
        Assert.Equal(ColorMap.Viridis.Map(9 / 12.0), canvas.GetPixel(cx, cy));
        var (lx, ly) = CellCentre(p, 1, 10);
        Assert.Equal(ColorMap.Viridis.Map(0), canvas.GetPixel(lx, ly));
    }

    [Fact]
    public void NeighbouringCellsMeetAtTheMidpoint()
    {
        var p = new Plot(500, 400);
        p.Heatmap(Values(), Xs, Ys);
        var canvas = p.Render();
        int edge = (int)Math.Round(p.DataToPixel(1.5, 10).X);
        int row = CellCentre(p, 1, 10).Y;
        Assert.Equal(ColorMap.Viridis.Map(0), canvas.GetPixel(edge - 1, row));
        Assert.Equal(ColorMap.Viridis.Map(1 / 12.0), canvas.GetPixel(edge, row));
    }

    [Fact]
    public void NaNCellIsGrey()
    {
        var p = new Plot(500, 400);
        p.Heatmap(Values(), Xs, Ys);
        var canvas = p.Render();
        var (cx, cy) = CellCentre(p, 3, 20);
        Assert.Equal(Palette.Missing, canvas.GetPixel(cx, cy));
    }

    [Fact]
    public void LimitsAreTheOuterCellEdges()
    {
        var p = new Plot(500, 400);
        p.Heatmap(Values(), Xs, Ys);
        var a = p.PlotArea;
        Assert.Equal((a.X, (double)a.Bottom), p.DataToPixel(0.5, 5));
        Assert.Equal(((double)a.Right, a.Y), p.DataToPixel(4.5, 35));
    }

    [Fact]
    public void ExplicitLimitsAndLogColourScale()
    {
        var h = new Plot().Heatmap(new double[,] { { 1, 10, 100, -1 } }, Xs, [0], colorScale: Scale.Log);
        Assert.Equal((1.0, 100.0), h.ColorLimits());
        Assert.Equal(ColorMap.Viridis.Map(0.5), h.ColorOf(10));
        Assert.Equal(Palette.Missing, h.ColorOf(-1));
        h.VMin = 10;
        Assert.Equal(ColorMap.Viridis.Map(0), h.ColorOf(1)); // clamped below vmin
    }

    [Fact]
    public void LogAxisCellsHaveEqualWidths()
    {
        var p = new Plot(600, 300) { XScale = Scale.Log, ShowColorbar = false };
        p.Heatmap(new double[,] { { 0, 1, 2 } }, [1e-3, 1e-2, 1e-1], [0]);
        var a = p.PlotArea;
        // Edges are geometric midpoints, so each cell takes a third of the width.
        Assert.Equal(a.X + a.Width / 3.0, p.DataToPixel(Math.Sqrt(1e-3 * 1e-2), 0).X, 6);
    }

    [Fact]
    public void ColourBarShowsTheMapBesideTheAxes()
    {
        var p = new Plot(500, 400);
        p.Heatmap(Values(), Xs, Ys, "drift");
        var canvas = p.Render();
        var a = p.PlotArea;
        Rgb top = ColorMap.Viridis.Map(1), bottom = ColorMap.Viridis.Map(0);
        static bool Near(Rgb u, Rgb v) => Math.Abs(u.R - v.R) + Math.Abs(u.G - v.G) + Math.Abs(u.B - v.B) <= 6;
        Assert.Contains(Enumerable.Range(a.Right + 2, 500 - a.Right - 2), x => Near(canvas.GetPixel(x, a.Y), top));
        Assert.Contains(Enumerable.Range(a.Right + 2, 500 - a.Right - 2), x => Near(canvas.GetPixel(x, a.Bottom - 1), bottom));
    }

    [Fact]
    public void OverlayLineIsClippedNotRescaling()
    {
        var p = new Plot(500, 400);
        p.Heatmap(Values(), Xs, Ys);
        p.Line([0, 100], [0, 100], "boundary", color: Rgb.White);
        var a = p.PlotArea;
        Assert.Equal((a.X, (double)a.Bottom), p.DataToPixel(0.5, 5));
    }

    [Fact]
    public void CategoryMapUsesPaletteAndListsCategories()
    {
        var p = new Plot(500, 300);
        var m = p.CategoryMap(new[,] { { 0, 1 }, { 2, -1 } }, [0, 1], [0, 1], ["converged", "cycling", "diverged"]);
        var canvas = p.Render();
        Assert.Equal(Palette.Get(2), canvas.GetPixel(CellCentre(p, 0, 1).X, CellCentre(p, 0, 1).Y));
        Assert.Equal(Palette.Missing, canvas.GetPixel(CellCentre(p, 1, 1).X, CellCentre(p, 1, 1).Y));
        Assert.Equal(Palette.Get(1), m.ColorOf(1));

        // The legend sits outside to the right, with a swatch in each category colour.
        var a = p.PlotArea;
        foreach (int k in new[] { 0, 1, 2 })
            Assert.Contains(Enumerable.Range(a.Right + 2, 500 - a.Right - 2),
                x => Enumerable.Range(a.Y, 60).Any(y => canvas.GetPixel(x, y) == Palette.Get(k)));
    }

    [Fact]
    public void RejectsMismatchedCoordinates()
    {
        Assert.Throws<ArgumentException>(() => new Plot().Heatmap(Values(), [1, 2], Ys));
        Assert.Throws<ArgumentException>(() => new Plot().Heatmap(Values(), [1, 2, 2, 3], Ys));
    }
}
