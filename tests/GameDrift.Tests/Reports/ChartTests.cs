using System.Globalization;
using GameDrift.Reports.Charts;

namespace GameDrift.Tests.Reports;

public class ChartTests
{
    [Fact]
    public void A_narrow_axis_gets_distinct_labels_that_tell_the_values_apart()
    {
        // The inception score of a run that barely moves: 1.1897 .. 1.1902.
        var plot = Chart.Lines("IS", "step", "IS");
        plot.Add.ScatterLine(new double[] { 0, 1, 2, 3 }, new[] { 1.1897, 1.1899, 1.1902, 1.1900 });
        Chart.ToPng(plot, 520, 340);
        var ticks = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor && t.Position is >= 1.1897 and <= 1.1902).ToArray();
        Assert.True(ticks.Length >= 3, string.Join(" ", ticks.Select(t => t.Label)));
        Assert.Equal(ticks.Length, ticks.Select(t => t.Label).Distinct().Count());
        // Each label reads back as its tick's value to the tick spacing.
        double spacing = ticks[1].Position - ticks[0].Position;
        Assert.All(ticks, t => Assert.True(Math.Abs(double.Parse(t.Label, CultureInfo.InvariantCulture) - t.Position) < spacing / 10, t.Label));
    }

    [Theory]
    [InlineData(0.125, 8, new[] { "0.2", "0.5", "1", "2", "5" })]   // under 2.5 decades: 1-2-5
    [InlineData(0.01, 4, new[] { "0.01", "0.1", "1" })]            // wider: powers of ten
    [InlineData(0.5, 2, new[] { "0.5", "0.6", "0.7", "0.8", "0.9", "1", "2" })] // within most of a decade: every digit
    [InlineData(0.4, 6, new[] { "0.5", "1", "2", "5" })]          // just over a decade: 1-2-5, no crowding
    public void Log_ticks_sit_at_the_log10_of_their_labels(double min, double max, string[] expected)
    {
        var plot = Chart.Lines("log", "x", "y");
        plot.Add.ScatterLine(new[] { Math.Log10(min), Math.Log10(max) }, new double[] { 0, 1 });
        LogTicks.X(plot, min, max);
        plot.Axes.SetLimitsX(Math.Log10(min), Math.Log10(max));
        Chart.ToPng(plot, 600, 300);
        var inRange = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor && t.Position >= Math.Log10(min) - 1e-12 && t.Position <= Math.Log10(max) + 1e-12).ToArray();
        Assert.Equal(expected, inRange.Select(t => t.Label));
        Assert.All(inRange, t => Assert.Equal(Math.Log10(double.Parse(t.Label, CultureInfo.InvariantCulture)), t.Position, 12));
        Assert.Equal("2e-5", LogTicks.Label(2e-5));
        Assert.Throws<ArgumentException>(() => LogTicks.For(0, 1));
    }

    [Fact]
    public void Few_measured_values_label_the_log_axis_themselves()
    {
        var plot = Chart.Lines("ratios", "lr_d / lr_g", "y");
        double[] ratios = [0.25, 0.5, 1, 2, 0.5];
        plot.Add.ScatterLine(ratios.Select(Math.Log10).ToArray(), new double[] { 1, 2, 3, 4, 2 });
        LogTicks.X(plot, ratios);
        Chart.ToPng(plot, 600, 300);
        var major = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToArray();
        Assert.Equal(["0.25", "0.5", "1", "2"], major.Select(t => t.Label));
        Assert.Equal(new[] { 0.25, 0.5, 1, 2 }.Select(Math.Log10), major.Select(t => t.Position));
    }

    [Fact]
    public void A_long_title_is_shrunk_to_fit_the_picture()
    {
        var title = string.Join(", ", Enumerable.Repeat("dirac, alternating, lr_d=0.3, lr_g=0.3", 2));
        var plot = Chart.Lines(title, "x", "y");
        Chart.FitTitle(plot, 500);
        var label = plot.Axes.Title.Label;
        using var font = new SkiaSharp.SKFont(ChartFont.Typeface, label.FontSize);
        Assert.True(label.FontSize < 15);
        Assert.True(font.MeasureText(title) <= 500 - 16);
    }
}
