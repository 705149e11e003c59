using GameDrift.Io.Plots;
using GameDrift.Io.Png;

namespace GameDrift.Tests.Io.Plots;

public class PlotTests
{
    private static readonly Rgb Red = new(220, 20, 30);

    [Fact]
    public void DataLimitsMapToPlotAreaEdges()
    {
        var p = new Plot(400, 300) { XLim = (0, 10), YLim = (-1, 1), Title = "t", XLabel = "x", YLabel = "y" };
        var a = p.PlotArea;
        Assert.True(a.X > 0 && a.Y > 0 && a.Right < 400 && a.Bottom < 300);
        Assert.Equal((a.X, (double)a.Bottom), p.DataToPixel(0, -1));
        Assert.Equal(((double)a.Right, a.Y), p.DataToPixel(10, 1));
        var (mx, my) = p.DataToPixel(5, 0);
        Assert.Equal(a.X + a.Width / 2.0, mx, 9);
        Assert.Equal(a.Y + a.Height / 2.0, my, 9);
        Assert.Equal((5.0, 0.0), (Math.Round(p.PixelToData(mx, my).X, 9), Math.Round(p.PixelToData(mx, my).Y, 9)));
    }

    [Fact]
    public void LogAxisPlacesDecadesEvenly()
    {
        var p = new Plot(500, 400) { XScale = Scale.Log, XLim = (1e-4, 1), YLim = (0, 1) };
        var a = p.PlotArea;
        Assert.Equal(a.X + a.Width / 4.0, p.DataToPixel(1e-3, 0).X, 9);
        Assert.Equal(a.X + a.Width / 2.0, p.DataToPixel(1e-2, 0).X, 9);
    }

    [Fact]
    public void HorizontalLineLandsOnExpectedPixelRow()
    {
        var p = new Plot(400, 300) { XLim = (0, 1), YLim = (0, 1), Grid = false };
        var a = p.PlotArea;
        int row = a.Y + a.Height / 3;
        double y = p.PixelToData(0, row + 0.5).Y;
        p.Line([0, 1], [y, y], color: Red, width: 1);

        var canvas = p.Render();
        int mid = a.X + a.Width / 2;
        Assert.Equal(Red, canvas.GetPixel(mid, row));
        Assert.Equal(Red, canvas.GetPixel(a.X + 3, row));
        Assert.Equal(Rgb.White, canvas.GetPixel(mid, row - 1));
        Assert.Equal(Rgb.White, canvas.GetPixel(mid, row + 1));
        // Nowhere else in that column.
        int redRows = Enumerable.Range(0, 300).Count(r => canvas.GetPixel(mid, r) == Red);
        Assert.Equal(1, redRows);
    }

    [Fact]
    public void AutoLimitsCoverDataWithMargin()
    {
        var p = new Plot(400, 300);
        p.Line([0, 10], [5, 25]);
        var a = p.PlotArea;
        var (x0, y0) = p.DataToPixel(0, 5);
        var (x1, y1) = p.DataToPixel(10, 25);
        Assert.InRange(x0, a.X + 1, a.X + a.Width * 0.1);
        Assert.InRange(x1, a.Right - a.Width * 0.1, a.Right - 1);
        Assert.InRange(y0, a.Bottom - a.Height * 0.1, a.Bottom - 1);
        Assert.InRange(y1, a.Y + 1, a.Y + a.Height * 0.1);
    }

    [Fact]
    public void LogAxisIgnoresNonPositiveValues()
    {
        var p = new Plot(400, 300) { YScale = Scale.Log };
        p.Line([0, 1, 2, 3], [-1, 0, 1e-3, 10]);
        var a = p.PlotArea;
        Assert.InRange(p.DataToPixel(2, 1e-3).Y, a.Y, a.Bottom);
        Assert.InRange(p.DataToPixel(3, 10).Y, a.Y, a.Bottom);
        p.Render(); // must not throw
    }

    [Fact]
    public void ExtremeLogRangeKeepsRepresentableLimits()
    {
        // Padding 600 decades by 5% would ask for 1e-330, which underflows to 0.
        var p = new Plot(300, 200) { YScale = Scale.Log };
        p.Line([0, 1], [1e-300, 1e300]);
        var a = p.PlotArea;
        Assert.InRange(p.DataToPixel(0, 1e-300).Y, a.Y, a.Bottom);
        Assert.InRange(p.DataToPixel(1, 1e300).Y, a.Y, a.Bottom);
    }

    [Fact]
    public void SavedPngDecodesWithPlotSize()
    {
        var p = new Plot(321, 203) { Title = "loss", XLabel = "step", YLabel = "value" };
        p.Line([1, 2, 3, 4], "generator");
        p.Scatter([0, 3], [1, 2], "points");
        string path = Path.Combine(Path.GetTempPath(), $"gamedrift-plot-{Guid.NewGuid():N}", "p.png");
        try
        {
            p.Save(path);
            var img = PngDecoder.Load(path);
            Assert.Equal((321, 203, 3), (img.Width, img.Height, img.Channels));
            Assert.True(img.SamePixels(p.ToImage()));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void SeriesColoursFollowThePalette()
    {
        var p = new Plot();
        var a = p.Line([1, 2], [1, 2]);
        var b = p.Scatter([1, 2], [1, 2]);
        var band = p.Band([1, 2], [0, 0], [1, 1]);
        Assert.Equal(Palette.Get(0), a.Color);
        Assert.Equal(Palette.Get(1), b.Color);
        Assert.Equal(b.Color, band.Color); // bands shade like the series before them
    }

    [Fact]
    public void LegendAvoidsTheData()
    {
        // Data fills the upper right; "best" must choose another corner.
        var p = new Plot(400, 300) { XLim = (0, 1), YLim = (0, 1), Grid = false };
        p.Scatter([0.7, 0.8, 0.9, 0.75, 0.85, 0.95], [0.9, 0.8, 0.95, 0.7, 0.85, 0.75], "cluster", size: 10);
        var a = p.PlotArea;
        var canvas = p.Render();
        Rgb border = Rgb.Gray(200);
        bool InCorner(int x0, int y0) =>
            Enumerable.Range(x0, a.Width / 3).Any(x => Enumerable.Range(y0, a.Height / 4).Any(y => canvas.GetPixel(x, y) == border));
        Assert.False(InCorner(a.Right - a.Width / 3, a.Y));
        Assert.True(InCorner(a.X, a.Y));
    }

    [Fact]
    public void ErrorBarsWidenTheRangeAndSeedsAreSummarised()
    {
        var (mean, std) = SeedStats.MeanAndStd([[1, 2, double.NaN], [3, 2, double.NaN], [5, 2, 7]]);
        Assert.Equal(new[] { 3.0, 2.0, 7.0 }, mean);
        Assert.Equal(2.0, std[0], 12);
        Assert.Equal(0.0, std[1]);
        Assert.Equal(0.0, std[2]);

        var p = new Plot(400, 300);
        var e = p.ErrorBar([1, 2], [0, 0], [10, 1]);
        Assert.Equal(new double[] { -10, -1 }, e.Lower);
        var a = p.PlotArea;
        Assert.InRange(p.DataToPixel(1, 10).Y, a.Y, a.Bottom);
        Assert.InRange(p.DataToPixel(1, -10).Y, a.Y, a.Bottom);
    }

    [Fact]
    public void FigureStacksPlotsBelowItsTitle()
    {
        var fig = new Figure(2, 3, 200, 150) { Title = "sweep" };
        fig[1, 2].Line([1, 2, 3]);
        var c = fig.Render();
        Assert.Equal(600, c.Width);
        Assert.True(c.Height > 300);
        Assert.Equal(c.Height, fig.ToImage().Height);
    }

    [Fact]
    public void TooSmallPlotExplainsItself()
    {
        var p = new Plot(64, 64) { Title = "a long title", XLabel = "x", YLabel = "y", FontScale = 3 };
        var e = Assert.Throws<InvalidOperationException>(() => p.Render());
        Assert.Contains("too small", e.Message);
    }
}
