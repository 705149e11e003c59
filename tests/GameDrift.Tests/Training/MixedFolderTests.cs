using GameDrift.Data;
using GameDrift.Io.Png;
using GameDrift.Tests.Support;
using GameDrift.Training;
using SkiaSharp;

namespace GameDrift.Tests.Training;

/// <summary><c>data: folder</c> with images of mixed formats, sizes and channel counts, made the game's shape.</summary>
public class MixedFolderTests
{
    /// <summary>Writes an image of <paramref name="w"/> x <paramref name="h"/> through SkiaSharp in the given format.</summary>
    private static void Write(string path, int w, int h, int channels, Func<int, int, int, byte> pixel, SKEncodedImageFormat format)
    {
        var px = new byte[w * h * channels];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        for (int c = 0; c < channels; c++) px[(y * w + x) * channels + c] = pixel(x, y, c);
        using var bitmap = SkiaPixels.ToBitmap(new PngImage(w, h, channels, px));
        using var data = bitmap.Encode(format, 95);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data.ToArray());
    }

    [Fact]
    public void A_wide_image_is_centre_cropped_after_its_shorter_side_is_resized()
    {
        using var tmp = new TempDirectory();
        // 56x28 gray, column x = 4x: the height already fits, so the crop keeps columns 14..41 unchanged.
        Write(tmp.Combine("wide.png"), 56, 28, 1, (x, _, _) => (byte)(4 * x), SKEncodedImageFormat.Png);
        var ds = ImageFolder.Load(tmp.Path, new FolderImageDecoder(new ImageShape(1, 28, 28), "nearest"), FolderImageDecoder.Extensions);
        var img = ds.GetImage(0).ToArray();
        Assert.Equal((1, 28, 28), (ds.Channels, ds.Height, ds.Width));
        Assert.Equal(Enumerable.Range(14, 28).Select(x => (byte)(4 * x)), img.Take(28));
    }

    [Fact]
    public void A_tall_image_shrinks_to_the_size_and_colour_becomes_luma()
    {
        using var tmp = new TempDirectory();
        // 56x112 of one colour: whatever the resampling, every pixel is that colour's luma (ITU-R 601-2).
        Write(tmp.Combine("tall.png"), 56, 112, 3, (_, _, c) => c switch { 0 => 200, 1 => 100, _ => 50 }, SKEncodedImageFormat.Png);
        var ds = ImageFolder.Load(tmp.Path, new FolderImageDecoder(new ImageShape(1, 28, 28)), FolderImageDecoder.Extensions);
        Assert.All(ds.GetImage(0).ToArray(), v => Assert.Equal((200 * 299 + 100 * 587 + 50 * 114) / 1000, v));
        var rgb = ImageFolder.Load(tmp.Path, new FolderImageDecoder(new ImageShape(3, 32, 32)), FolderImageDecoder.Extensions);
        Assert.Equal((3, 32, 32), (rgb.Channels, rgb.Height, rgb.Width));
        Assert.Equal(new byte[] { 200, 100, 50 }, new[] { rgb.GetImage(0)[0], rgb.GetImage(0)[1024], rgb.GetImage(0)[2048] });
    }

    [Fact]
    public void A_corrupt_file_is_one_line_naming_it_and_exit_2()
    {
        using var tmp = new TempDirectory();
        Write(tmp.Combine("data", "a.png"), 40, 30, 3, (x, y, c) => (byte)(x * y + c), SKEncodedImageFormat.Png);
        File.WriteAllBytes(tmp.Combine("data", "broken.jpg"), [0xFF, 0xD8, 0xFF, 0x00, 1, 2, 3]);
        var (code, _, stderr) = CliProcess.Run(tmp.Path, TimeSpan.FromMinutes(2), "train", "--config", Config(tmp), "--out", tmp.Combine("run"));
        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("broken.jpg", lines[0]);
    }

    [Fact]
    public void A_folder_of_mixed_jpeg_and_png_images_of_different_sizes_trains_the_fashion_mnist_dcgan()
    {
        using var tmp = new TempDirectory();
        var dir = tmp.Combine("data");
        for (int i = 0; i < 6; i++)
        {
            int w = 20 + 9 * i, h = 64 - 7 * i, ch = i % 2 == 0 ? 3 : 1;
            Write(Path.Combine(dir, i % 3 == 0 ? "shirts" : "shoes", $"img{i}.{(i % 2 == 0 ? "jpg" : "png")}"), w, h, ch,
                (x, y, c) => (byte)((x * 7 + y * 3 + c * 50 + i * 20) % 256), i % 2 == 0 ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png);
        }
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, TimeSpan.FromMinutes(4), "train", "--config", Config(tmp), "--out", tmp.Combine("run"));
        Assert.True(code == 0, stdout + stderr);
        var (header, rows) = MetricsLog.Read(tmp.Combine("run", "metrics.csv"));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(r[Array.IndexOf(header, "loss_d")] is { } v && double.IsFinite(v)));
    }

    private static string Config(TempDirectory tmp)
    {
        var path = tmp.Combine("config.yaml");
        File.WriteAllText(path, $"""
            game: fmnist-dcgan
            data: folder
            data_dir: {tmp.Combine("data")}
            interpolation: bicubic
            batch_size: 4
            latent_dim: 8
            steps: 3
            log_every: 1
            sample_every: 0
            checkpoint_every: 0
            diagnostics_every: 0
            """);
        return path;
    }
}
