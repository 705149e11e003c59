using GameDrift.Data;

namespace GameDrift.Tests.Data;

public class ImageFolderTests
{
    /// <summary>Reads a fake "image" file: bytes w, h, c, then w*h*c interleaved pixel bytes.</summary>
    private sealed class FakeDecoder : IImageDecoder
    {
        public (int width, int height, int channels, byte[] pixels) Decode(Stream s)
        {
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var b = ms.ToArray();
            return (b[0], b[1], b[2], b[3..]);
        }
    }

    private static void WriteImage(string path, int w, int h, int c, byte fill)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var data = new byte[3 + w * h * c];
        (data[0], data[1], data[2]) = ((byte)w, (byte)h, (byte)c);
        // Pixel p, channel ch = fill + 10*ch + p: lets the test see the HWC -> CHW move.
        for (int p = 0; p < w * h; p++)
            for (int ch = 0; ch < c; ch++)
                data[3 + p * c + ch] = (byte)(fill + 10 * ch + p);
        File.WriteAllBytes(path, data);
    }

    [Fact]
    public void Class_subfolders_become_sorted_labels_and_pixels_become_planar()
    {
        using var tmp = new TempDirectory();
        WriteImage(tmp.Combine("dog", "b.png"), 2, 2, 3, 100);
        WriteImage(tmp.Combine("cat", "z.PNG"), 2, 2, 3, 50);
        WriteImage(tmp.Combine("cat", "deeper", "a.png"), 2, 2, 3, 0);
        File.WriteAllText(tmp.Combine("cat", "notes.txt"), "ignored");

        var ds = ImageFolder.Load(tmp.Path, new FakeDecoder());
        Assert.Equal(["cat", "dog"], ds.ClassNames);
        Assert.Equal([0, 0, 1], ds.Labels.ToArray());
        Assert.Equal((3, 2, 2), (ds.Channels, ds.Height, ds.Width));
        // "cat/deeper/a.png" sorts before "cat/z.PNG" (ordinal); image 0 is fill 0.
        Assert.Equal(new byte[] { 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23 }, ds.GetImage(0).ToArray());
        Assert.Equal(100, ds.GetImage(2)[0]);
    }

    [Fact]
    public void Flat_folder_is_one_class()
    {
        using var tmp = new TempDirectory();
        WriteImage(tmp.Combine("1.png"), 3, 1, 1, 0);
        WriteImage(tmp.Combine("2.png"), 3, 1, 1, 9);
        var ds = ImageFolder.Load(tmp.Path, new FakeDecoder());
        Assert.Equal(2, ds.Count);
        Assert.Equal([0, 0], ds.Labels.ToArray());
        Assert.Equal(new byte[] { 9, 10, 11 }, ds.GetImage(1).ToArray());
    }

    [Fact]
    public void Odd_sized_image_is_named_in_the_error()
    {
        using var tmp = new TempDirectory();
        WriteImage(tmp.Combine("a.png"), 2, 2, 3, 0);
        WriteImage(tmp.Combine("b.png"), 3, 2, 3, 0);
        var e = Assert.Throws<InvalidDataException>(() => ImageFolder.Load(tmp.Path, new FakeDecoder()));
        Assert.Contains(tmp.Combine("b.png"), e.Message);
        Assert.Contains("3x2", e.Message);
    }

    [Fact]
    public void Empty_or_missing_folder_is_reported()
    {
        using var tmp = new TempDirectory();
        Assert.Throws<InvalidDataException>(() => ImageFolder.Load(tmp.Path, new FakeDecoder()));
        Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Load(tmp.Combine("nope"), new FakeDecoder()));
    }
}
