using GameDrift.Io.Png;

namespace GameDrift.Tests.Io.Png;

public class PngRoundTripTests
{
    private static PngImage RandomImage(int width, int height, int channels, int seed)
    {
        var rng = new Random(seed);
        var pixels = new byte[width * height * channels];
        rng.NextBytes(pixels);
        return new PngImage(width, height, channels, pixels);
    }

    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int c in new[] { 1, 2, 3, 4 })
        {
            data.Add(1, 1, c);
            data.Add(3, 7, c);
            data.Add(7, 3, c);
            data.Add(64, 33, c);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RandomImageSurvivesRoundTrip(int width, int height, int channels)
    {
        var image = RandomImage(width, height, channels, seed: width * 100 + height * 10 + channels);
        var decoded = PngDecoder.Decode(PngEncoder.Encode(image));
        Assert.Equal(width, decoded.Width);
        Assert.Equal(height, decoded.Height);
        Assert.Equal(channels, decoded.Channels);
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Theory]
    [InlineData(PngFilterType.None)]
    [InlineData(PngFilterType.Sub)]
    [InlineData(PngFilterType.Up)]
    [InlineData(PngFilterType.Average)]
    [InlineData(PngFilterType.Paeth)]
    public void EveryFixedFilterRoundTrips(PngFilterType filter)
    {
        var image = RandomImage(13, 9, 3, seed: (int)filter);
        var bytes = PngEncoder.Encode(image, new PngEncoderOptions { Filter = filter });
        Assert.True(PngDecoder.Decode(bytes).SamePixels(image));
    }

    [Fact]
    public void SmoothImageUsesNonTrivialFiltersAndCompressesWell()
    {
        // A gradient compresses far better with Sub/Up/Paeth than raw; adaptive must find that.
        int w = 200, h = 100;
        var pixels = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            int i = (y * w + x) * 3;
            pixels[i] = (byte)x;
            pixels[i + 1] = (byte)(y * 2);
            pixels[i + 2] = (byte)(x + y);
        }
        var image = new PngImage(w, h, 3, pixels);
        var adaptive = PngEncoder.Encode(image);
        var none = PngEncoder.Encode(image, new PngEncoderOptions { Filter = PngFilterType.None });
        Assert.True(adaptive.Length < none.Length, $"adaptive {adaptive.Length} >= none {none.Length}");
        Assert.True(PngDecoder.Decode(adaptive).SamePixels(image));
    }

    [Fact]
    public void StreamAndFileApisAgreeWithByteApi()
    {
        var image = RandomImage(5, 4, 4, seed: 1);
        var bytes = PngEncoder.Encode(image);
        using var ms = new MemoryStream();
        PngEncoder.Encode(image, ms);
        Assert.Equal(bytes, ms.ToArray());

        ms.Position = 0;
        Assert.True(PngDecoder.Decode(ms).SamePixels(image));

        string path = Path.Combine(Path.GetTempPath(), $"gamedrift-png-{Guid.NewGuid():N}", "x.png");
        try
        {
            image.Save(path);
            Assert.True(PngImage.Load(path).SamePixels(image));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void EncodedFileStartsWithSignatureAndHeader()
    {
        var bytes = PngEncoder.Encode(new PngImage(3, 7, 3, new byte[63]));
        Assert.Equal(HandMadePng.Signature, bytes[..8]);
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        Assert.Equal(new byte[] { 0, 0, 0, 3, 0, 0, 0, 7, 8, 2, 0, 0, 0 }, bytes[16..29]);
    }

    [Fact]
    public void ImageRejectsMismatchedBuffer()
    {
        Assert.Throws<ArgumentException>(() => new PngImage(2, 2, 3, new byte[11]));
    }
}
