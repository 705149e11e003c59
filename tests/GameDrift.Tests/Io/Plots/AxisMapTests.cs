using GameDrift.Io.Plots;

namespace GameDrift.Tests.Io.Plots;

public class AxisMapTests
{
    [Fact]
    public void LinearMapsEndsAndMidpoint()
    {
        var m = new AxisMap(Scale.Linear, -2, 6, 100, 500);
        Assert.Equal(100, m.ToPixel(-2));
        Assert.Equal(500, m.ToPixel(6));
        Assert.Equal(300, m.ToPixel(2));
        Assert.Equal(2, m.FromPixel(300), 12);
    }

    [Fact]
    public void InvertedPixelDirectionForYAxes()
    {
        var m = new AxisMap(Scale.Linear, 0, 10, 400, 0);
        Assert.Equal(360, m.ToPixel(1), 12);
    }

    [Fact]
    public void LogMapsDecadesEvenly()
    {
        var m = new AxisMap(Scale.Log, 1e-4, 1, 0, 400);
        Assert.Equal(100, m.ToPixel(1e-3), 9);
        Assert.Equal(300, m.ToPixel(0.1), 9);
        Assert.Equal(0.01, m.FromPixel(200), 12);
    }
}
