using GameDrift.Io.Plots;

namespace GameDrift.Tests.Io.Plots;

public class ColorTests
{
    [Fact]
    public void ViridisEndPointsMatchMatplotlib()
    {
        Assert.Equal(new Rgb(68, 1, 84), ColorMap.Viridis.Map(0));
        Assert.Equal(new Rgb(253, 231, 37), ColorMap.Viridis.Map(1));
    }

    [Fact]
    public void ViridisMidpointIsTeal()
    {
        // Matplotlib's viridis(0.5) is about (33, 145, 140).
        var mid = ColorMap.Viridis.Map(0.5);
        Assert.InRange(mid.R, 31, 35);
        Assert.InRange(mid.G, 143, 147);
        Assert.InRange(mid.B, 138, 142);
    }

    [Fact]
    public void MapClampsOutOfRangeAndRejectsNaN()
    {
        Assert.Equal(ColorMap.Viridis.Map(0), ColorMap.Viridis.Map(-3));
        Assert.Equal(ColorMap.Viridis.Map(1), ColorMap.Viridis.Map(7));
        Assert.Throws<ArgumentException>(() => ColorMap.Viridis.Map(double.NaN));
    }

    [Fact]
    public void ViridisGetsBrighterMonotonically()
    {
        double Luma(Rgb c) => 0.2126 * c.R + 0.7152 * c.G + 0.0722 * c.B;
        for (int i = 1; i <= 100; i++)
            Assert.True(Luma(ColorMap.Viridis.Map(i / 100.0)) > Luma(ColorMap.Viridis.Map((i - 1) / 100.0)), $"at {i}");
    }

    [Fact]
    public void GrayAndReversed()
    {
        Assert.Equal(new Rgb(128, 128, 128), ColorMap.Gray.Map(0.5));
        Assert.Equal(ColorMap.Viridis.Map(1), ColorMap.Viridis.Reversed().Map(0));
    }

    [Fact]
    public void HexRoundTripAndPalette()
    {
        Assert.Equal(new Rgb(0x1f, 0x77, 0xb4), Rgb.FromHex("#1f77b4"));
        Assert.Equal("#ff7f0e", Palette.Get(1).ToString());
        Assert.Equal(Palette.Get(0), Palette.Get(10));
        Assert.Throws<FormatException>(() => Rgb.FromHex("#12345"));
    }
}
