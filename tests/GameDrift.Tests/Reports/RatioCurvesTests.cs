using GameDrift.Reports;

namespace GameDrift.Tests.Reports;

public class RatioCurvesTests
{
    [Fact]
    public void SeedsAtOneRatioAreAggregatedPerGroupAndDivergedSeedsAreCountedNotAveraged()
    {
        var curves = RatioCurves.Aggregate([
            new("b", 2, 10, false), new("a", 1, 4, false), new("a", 1, 8, false), new("a", 1, 6, false),
            new("a", 0.5, 3, false), new("a", 0.5, 100, true), new("b", 2, 14, false), new("b", 0.5, null, true),
            new("a", 4, null, false), // not measured: left out entirely
        ]);
        Assert.Equal(["b", "a"], curves.Select(c => c.Group));
        var a = curves[1].Points;
        Assert.Equal([0.5, 1.0], a.Select(p => p.Ratio));
        Assert.Equal(new RatioPoint(0.5, 3, 3, 3, 1, 1), a[0]);
        Assert.Equal(new RatioPoint(1, 6, 4, 8, 3, 0), a[1]);
        var b = curves[0].Points;
        Assert.Equal(0.5, b[0].Ratio);
        Assert.True(double.IsNaN(b[0].Mean));
        Assert.Equal((0, 1), (b[0].Seeds, b[0].Diverged));
        Assert.Equal(new RatioPoint(2, 12, 10, 14, 2, 0), b[1]);
    }

    [Fact]
    public void RatiosEqualUpToRoundingShareAPoint()
    {
        double r1 = 0.01 / 0.03, r2 = 0.03 / 0.09;
        Assert.NotEqual(r1, r2); // lr_d / lr_g of two cells meant to share the ratio 1/3
        var curves = RatioCurves.Aggregate([new("g", r1, 1, false), new("g", r2, 3, false), new("g", 0.5, 5, false)]);
        var points = Assert.Single(curves).Points;
        Assert.Equal(2, points.Count);
        Assert.Equal((2, 2.0), (points[0].Seeds, points[0].Mean));
    }
}
