using GameDrift.Reports;
using GameDrift.Reports.Charts;

namespace GameDrift.Tests.Reports;

public class TrainingCurvesTests
{
    [Fact]
    public void Smoothing_is_a_debiased_moving_average()
    {
        var s = TrainingCurves.Smooth([4, 0, 0], 0.5);
        // acc: 2, 1, 0.5; weight: 0.5, 0.75, 0.875.
        Assert.Equal([4, 4.0 / 3, 0.5 / 0.875], s, new Comparison(1e-12));
        Assert.Equal([1.0, 2, 3], TrainingCurves.Smooth([1, 2, 3], 0));
    }

    [Fact]
    public void The_embedded_font_draws_text_on_a_machine_without_fonts()
    {
        // The typeface comes from the assembly (not fontconfig), has the Greek letters, and the plots ask for it.
        Assert.Equal(ChartFont.Name, ChartFont.Typeface.FamilyName);
        Assert.True(ChartFont.Typeface.ContainsGlyphs("φθηα"));
        var plot = Chart.Lines("φ θ η loss", "step", "value");
        Assert.Equal(ChartFont.Name, plot.Axes.Title.Label.FontName);
        Assert.Same(ChartFont.Typeface, ScottPlot.Fonts.FontResolvers[0].CreateTypeface(ChartFont.Name, false, false));
        Assert.True(Chart.ToPng(plot, 300, 200).Length > 1000);
    }

    private sealed class Comparison(double tol) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tol;
        public int GetHashCode(double x) => 0;
    }
}
