using GameDrift.Data;

namespace GameDrift.Tests.Data;

public class ImageDatasetTests
{
    private static ImageDataset Make(int n, int c, int h, int w)
    {
        var pixels = new byte[n * c * h * w];
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)(i * 7 + 3);
        var labels = Enumerable.Range(0, n).Select(i => i % 10).ToArray();
        return new ImageDataset(pixels, labels, c, h, w);
    }

    [Fact]
    public void Scaling_maps_endpoints_and_midpoints()
    {
        Assert.Equal(-1f, PixelScaling.ToSigned(0));
        Assert.Equal(1f, PixelScaling.ToSigned(255));
        Assert.Equal(2f * 128 / 255f - 1f, PixelScaling.ToSigned(128));
        Assert.InRange(PixelScaling.ToSigned(128), 0.0039f, 0.0040f);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1000)] // not a multiple of any vector width: exercises the scalar tail
    [InlineData(7)]
    public void Span_scaling_is_bit_identical_to_scalar_definition(int length)
    {
        var src = Enumerable.Range(0, length).Select(i => (byte)(i * 31 + i / 256)).ToArray();
        var dst = new float[length];
        PixelScaling.ToSigned(src, dst);
        for (int i = 0; i < length; i++)
            Assert.Equal(BitConverter.SingleToInt32Bits(PixelScaling.ToSigned(src[i])), BitConverter.SingleToInt32Bits(dst[i]));
    }

    [Fact]
    public void CopyBatch_writes_selected_images_in_order()
    {
        var ds = Make(5, 3, 4, 4);
        int[] indices = [3, 0, 3];
        var dst = new float[indices.Length * ds.ImageSize];
        ds.CopyBatch(indices, dst);
        for (int b = 0; b < indices.Length; b++)
        {
            var image = ds.GetImage(indices[b]);
            for (int k = 0; k < ds.ImageSize; k++)
                Assert.Equal(2f * image[k] / 255f - 1f, dst[b * ds.ImageSize + k]);
        }
        var labels = new int[3];
        ds.CopyLabels(indices, labels);
        Assert.Equal([3, 0, 3], labels);
    }

    [Fact]
    public void CopyBatch_rejects_bad_index_and_short_destination()
    {
        var ds = Make(2, 1, 2, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => ds.CopyBatch([2], new float[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ds.CopyBatch([-1], new float[4]));
        Assert.Throws<ArgumentException>(() => ds.CopyBatch([0, 1], new float[7]));
    }

    [Fact]
    public void Constructor_checks_buffer_size()
    {
        Assert.Throws<ArgumentException>(() => new ImageDataset(new byte[11], [0, 1, 2], 1, 2, 2));
    }
}
