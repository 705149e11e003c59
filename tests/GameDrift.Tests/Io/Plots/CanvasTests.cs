using GameDrift.Io.Plots;

namespace GameDrift.Tests.Io.Plots;

public class CanvasTests
{
    private static readonly Rgb Red = new(255, 0, 0);

    [Fact]
    public void OnePixelLineThroughPixelCentresFillsExactlyOneRow()
    {
        var c = new Canvas(40, 20);
        c.DrawLine(5, 10.5, 35, 10.5, Red, 1);
        Assert.Equal(Red, c.GetPixel(20, 10));
        Assert.Equal(Rgb.White, c.GetPixel(20, 9));
        Assert.Equal(Rgb.White, c.GetPixel(20, 11));
    }

    [Fact]
    public void LineOnPixelBoundaryIsSharedAntialiased()
    {
        var c = new Canvas(40, 20);
        c.DrawLine(5, 10, 35, 10, Rgb.Black, 1);
        Assert.Equal(Rgb.Gray(128), c.GetPixel(20, 9));
        Assert.Equal(Rgb.Gray(128), c.GetPixel(20, 10));

        var hard = new Canvas(40, 20) { Antialias = false };
        hard.DrawLine(5, 10.5, 35, 10.5, Rgb.Black, 1);
        Assert.Equal(Rgb.Black, hard.GetPixel(20, 10));
        Assert.Equal(Rgb.White, hard.GetPixel(20, 11));
    }

    [Fact]
    public void PolylineJointIsNotDarkerThanTheStroke()
    {
        var c = new Canvas(40, 40);
        c.DrawPolyline([(5, 20.5), (20.5, 20.5), (20.5, 5)], Red, 3, alpha: 0.5);
        // A translucent stroke blended twice at the corner would be redder than elsewhere.
        Assert.Equal(c.GetPixel(12, 20), c.GetPixel(20, 20));
    }

    [Fact]
    public void DashedLineHasGaps()
    {
        var c = new Canvas(200, 10);
        c.DrawLine(0, 5.5, 200, 5.5, Rgb.Black, 1.5, LineStyle.Dashed);
        int inked = Enumerable.Range(0, 200).Count(x => c.GetPixel(x, 5) == Rgb.Black);
        Assert.InRange(inked, 80, 170);
    }

    [Fact]
    public void ClipDiscardsOutsideDrawing()
    {
        var c = new Canvas(20, 20) { Clip = new PixelRect(5, 5, 10, 10) };
        c.FillRect(new PixelRect(0, 0, 20, 20), Red);
        Assert.Equal(Red, c.GetPixel(5, 5));
        Assert.Equal(Red, c.GetPixel(14, 14));
        Assert.Equal(Rgb.White, c.GetPixel(4, 5));
        Assert.Equal(Rgb.White, c.GetPixel(15, 14));
        c.ResetClip();
        c.SetPixel(0, 0, Red);
        Assert.Equal(Red, c.GetPixel(0, 0));
    }

    [Fact]
    public void TextIsAnchoredByAlignment()
    {
        var c = new Canvas(60, 30);
        // 'T' has a full top row: five pixels starting at the left edge of the text box.
        c.DrawText(30, 10, "T", Rgb.Black, 1, HAlign.Right, VAlign.Top);
        Assert.Equal(Rgb.Black, c.GetPixel(25, 10));
        Assert.Equal(Rgb.Black, c.GetPixel(29, 10));
        Assert.Equal(Rgb.White, c.GetPixel(30, 10));
        Assert.Equal(Rgb.White, c.GetPixel(24, 10));
    }

    [Fact]
    public void VerticalTextReadsUpwards()
    {
        var c = new Canvas(30, 30);
        c.DrawText(10, 5, "T", Rgb.Black, 1, vertical: true);
        // The top row of 'T' becomes the leftmost column, running from bottom (start) to top.
        for (int y = 5; y < 10; y++) Assert.Equal(Rgb.Black, c.GetPixel(10, y));
        Assert.Equal(Rgb.Black, c.GetPixel(16, 7)); // the stem's foot, 6 rows down the glyph, at the middle
        Assert.Equal(Rgb.White, c.GetPixel(16, 5));
    }

    [Fact]
    public void SavedCanvasDecodesToSamePixels()
    {
        var c = new Canvas(13, 7, Rgb.Gray(40));
        c.FillCircle(6, 3, 2.5, Red);
        string path = Path.Combine(Path.GetTempPath(), $"gamedrift-canvas-{Guid.NewGuid():N}.png");
        try
        {
            c.Save(path);
            Assert.True(GameDrift.Io.Png.PngImage.Load(path).SamePixels(c.ToImage()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
