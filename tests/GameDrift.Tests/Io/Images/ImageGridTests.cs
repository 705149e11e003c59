using GameDrift.Io.Images;

namespace GameDrift.Tests.Io.Images;

public class ImageGridTests
{
    [Theory]
    [InlineData(10, 4, 5, 7, 2, 38, 23)]  // 4 columns, 3 rows
    [InlineData(3, 8, 4, 4, 2, 20, 8)]    // fewer images than nrow: one row of 3
    [InlineData(64, 8, 28, 28, 2, 242, 242)]
    [InlineData(5, 2, 3, 3, 0, 6, 9)]     // no padding
    public void SizeFollowsMakeGridFormula(int n, int nrow, int h, int w, int pad, int expectedW, int expectedH)
    {
        var options = new ImageGridOptions { Nrow = nrow, Padding = pad };
        Assert.Equal((expectedW, expectedH), ImageGrid.Size(n, h, w, options));
        var image = ImageGrid.Make(new float[n * h * w], n, 1, h, w, options);
        Assert.Equal((expectedW, expectedH, 1), (image.Width, image.Height, image.Channels));
    }

    [Theory]
    [InlineData(-1f, 0)]
    [InlineData(1f, 255)]
    [InlineData(0f, 128)]     // 127.5 rounds half up, as save_image does
    [InlineData(0.5f, 191)]   // 0.75 * 255 + 0.5 = 191.75
    [InlineData(-0.5f, 64)]   // 0.25 * 255 + 0.5 = 64.25
    [InlineData(3f, 255)]
    [InlineData(-7f, 0)]
    [InlineData(float.NaN, 0)]
    public void ValuesAreClampedScaledAndRounded(float v, byte expected)
    {
        Assert.Equal(expected, ImageGrid.ToByte(v));
    }

    [Fact]
    public void GrayTilesLandAtPaddedOffsets()
    {
        // Three 2x2 images, two per row: tile n at x = col * 4 + 2, y = row * 4 + 2; grid 10x10.
        float[] batch =
        [
            -1, 1, 0, 0.5f,     // image 0
            1, 1, 1, 1,         // image 1
            -1, -1, -1, 0.5f,   // image 2
        ];
        var g = ImageGrid.Make(batch, 3, 1, 2, 2, new ImageGridOptions { Nrow = 2 });
        Assert.Equal((10, 10), (g.Width, g.Height));
        Assert.Equal(0, g[2, 2, 0]);
        Assert.Equal(255, g[3, 2, 0]);
        Assert.Equal(128, g[2, 3, 0]);
        Assert.Equal(191, g[3, 3, 0]);
        Assert.Equal(255, g[6, 2, 0]);
        Assert.Equal(255, g[7, 3, 0]);
        Assert.Equal(191, g[3, 7, 0]);
        Assert.Equal(0, g[2, 6, 0]);
        // Padding between tiles, and the empty fourth slot, stay at the pad value.
        Assert.Equal(0, g[4, 2, 0]);
        Assert.Equal(0, g[5, 3, 0]);
        Assert.Equal(0, g[7, 7, 0]);
    }

    [Fact]
    public void RgbPlanesBecomeInterleavedChannels()
    {
        // One 1x2 RGB image: planes R = [1, -1], G = [-1, 0], B = [0, 1].
        float[] batch = [1, -1, -1, 0, 0, 1];
        var g = ImageGrid.Make(batch, 1, 3, 1, 2, new ImageGridOptions { PadValue = 7 });
        Assert.Equal(3, g.Channels);
        Assert.Equal((6, 5), (g.Width, g.Height));
        Assert.Equal(new byte[] { 255, 0, 128 }, new[] { g[2, 2, 0], g[2, 2, 1], g[2, 2, 2] });
        Assert.Equal(new byte[] { 0, 128, 255 }, new[] { g[3, 2, 0], g[3, 2, 1], g[3, 2, 2] });
        Assert.Equal(7, g[0, 0, 1]);
    }

    [Fact]
    public void RejectsInconsistentShapes()
    {
        Assert.Throws<ArgumentException>(() => ImageGrid.Make(new float[11], 1, 3, 2, 2));
        Assert.Throws<ArgumentException>(() => ImageGrid.Make(new float[8], 1, 2, 2, 2));
    }
}
