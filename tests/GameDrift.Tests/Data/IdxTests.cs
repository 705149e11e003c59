using System.Buffers.Binary;
using System.IO.Compression;
using GameDrift.Data;

namespace GameDrift.Tests.Data;

public class IdxTests
{
    private static byte[] ImagesFile(int n, int rows, int cols, int magic = IdxFile.ImagesMagic)
    {
        var data = new byte[16 + n * rows * cols];
        BinaryPrimitives.WriteInt32BigEndian(data, magic);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(4), n);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(12), cols);
        for (int i = 16; i < data.Length; i++)
            data[i] = (byte)(i - 16);
        return data;
    }

    private static byte[] LabelsFile(int n)
    {
        var data = new byte[8 + n];
        BinaryPrimitives.WriteInt32BigEndian(data, IdxFile.LabelsMagic);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(4), n);
        for (int i = 0; i < n; i++)
            data[8 + i] = (byte)(9 - i % 10);
        return data;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest))
            gz.Write(data);
        return ms.ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Loads_plain_and_gzipped_pairs(bool gzip)
    {
        using var tmp = new TempDirectory();
        string ext = gzip ? ".gz" : "";
        File.WriteAllBytes(tmp.Combine("train-images-idx3-ubyte" + ext), gzip ? Gzip(ImagesFile(4, 3, 2)) : ImagesFile(4, 3, 2));
        File.WriteAllBytes(tmp.Combine("train-labels-idx1-ubyte" + ext), gzip ? Gzip(LabelsFile(4)) : LabelsFile(4));

        var ds = Mnist.Load(tmp.Path, train: true);
        Assert.Equal((4, 1, 3, 2), (ds.Count, ds.Channels, ds.Height, ds.Width));
        Assert.Equal([9, 8, 7, 6], ds.Labels.ToArray());
        Assert.Equal(new byte[] { 18, 19, 20, 21, 22, 23 }, ds.GetImage(3).ToArray());
    }

    [Fact]
    public void Gzip_is_detected_by_magic_not_by_name()
    {
        using var tmp = new TempDirectory();
        var path = tmp.Combine("t10k-images-idx3-ubyte"); // no .gz, but gzipped
        File.WriteAllBytes(path, Gzip(ImagesFile(2, 2, 2)));
        var images = IdxFile.ReadImages(path);
        Assert.Equal((2, 2, 2), (images.Count, images.Rows, images.Columns));

        var plainNamedGz = tmp.Combine("t10k-labels-idx1-ubyte.gz"); // .gz name, plain content
        File.WriteAllBytes(plainNamedGz, LabelsFile(2));
        Assert.Equal(new byte[] { 9, 8 }, IdxFile.ReadLabels(plainNamedGz));
    }

    [Fact]
    public void Wrong_magic_is_reported()
    {
        using var tmp = new TempDirectory();
        var path = tmp.Combine("x");
        File.WriteAllBytes(path, LabelsFile(3));
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));
        Assert.Contains("0x00000801", e.Message);
        Assert.Contains("0x00000803", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_file_is_reported(bool gzip)
    {
        using var tmp = new TempDirectory();
        var path = tmp.Combine("x");
        var data = ImagesFile(3, 4, 4)[..^5];
        File.WriteAllBytes(path, gzip ? Gzip(data) : data);
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));
        Assert.Contains("truncated", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Cut_gzip_stream_is_reported()
    {
        using var tmp = new TempDirectory();
        var path = tmp.Combine("x");
        var gz = Gzip(ImagesFile(50, 28, 28));
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Count_mismatch_is_reported()
    {
        using var tmp = new TempDirectory();
        File.WriteAllBytes(tmp.Combine("t10k-images-idx3-ubyte"), ImagesFile(5, 2, 2));
        File.WriteAllBytes(tmp.Combine("t10k-labels-idx1-ubyte"), LabelsFile(4));
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(tmp.Path, train: false));
        Assert.Contains("5 images", e.Message);
        Assert.Contains("4 labels", e.Message);
    }

    [Fact]
    public void Missing_file_is_reported_with_directory()
    {
        using var tmp = new TempDirectory();
        File.WriteAllBytes(tmp.Combine("train-images-idx3-ubyte"), ImagesFile(1, 2, 2));
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(tmp.Path));
        Assert.Contains("train-labels-idx1-ubyte", e.Message);
        Assert.Contains(tmp.Path, e.Message);
    }

    [FactIfDirectoryExists(FashionMnist.DefaultDirectory, "install Debian's dataset-fashion-mnist package")]
    public void Real_fashion_mnist_train_set_loads()
    {
        var ds = FashionMnist.Load(train: true);
        Assert.Equal((60000, 1, 28, 28), (ds.Count, ds.Channels, ds.Height, ds.Width));
        var counts = new int[10];
        foreach (int label in ds.Labels)
            counts[label]++; // throws if a label is outside 0..9
        Assert.All(counts, c => Assert.Equal(6000, c)); // Fashion-MNIST is balanced
    }
}
