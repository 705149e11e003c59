using GameDrift.Games;
using GameDrift.Games.ImageGans;
using GameDrift.Io.Png;
using GameDrift.Training;

namespace GameDrift.Tests.Training;

/// <summary><c>data: folder</c>: PNG files under <c>data_dir</c> decoded by the built-in PNG decoder, for any game.</summary>
[Collection(GlobalRngCollection.Name)]
public class FolderDataTests
{
    /// <summary>Writes <paramref name="count"/> RGBA PNGs of 32x32 with pixel (x, y) of image i = (x+i, y, x^y, 255-i).</summary>
    private static void WriteRgbaPngs(string dir, int count)
    {
        Directory.CreateDirectory(dir);
        for (var i = 0; i < count; i++)
        {
            var px = new byte[32 * 32 * 4];
            for (var y = 0; y < 32; y++)
                for (var x = 0; x < 32; x++)
                {
                    var o = (y * 32 + x) * 4;
                    (px[o], px[o + 1], px[o + 2], px[o + 3]) = ((byte)(x + i), (byte)y, (byte)(x ^ y), (byte)(255 - i));
                }
            PngEncoder.Save(new PngImage(32, 32, 4, px), Path.Combine(dir, $"img_{i:D2}.png"));
        }
    }

    [Fact]
    public void FolderOfRgbaPngsLoadsAsPlanarRgbWithoutAlpha()
    {
        using var tmp = new TempDirectory();
        WriteRgbaPngs(tmp.Path, 3);
        var ds = DatasetLoader.Load(new RunConfig { Data = "folder", DataDir = tmp.Path });
        Assert.Equal((3, 3, 32, 32), (ds.Count, ds.Channels, ds.Height, ds.Width));
        var img = ds.GetImage(2);
        int x = 5, y = 7, plane = 32 * 32, p = y * 32 + x;
        Assert.Equal((byte)(x + 2), img[p]);
        Assert.Equal((byte)y, img[plane + p]);
        Assert.Equal((byte)(x ^ y), img[2 * plane + p]);
    }

    [Fact]
    public void CifarGameTrainsOnAFolderOfPngs()
    {
        BuiltInGames.Register();
        using var tmp = new TempDirectory();
        WriteRgbaPngs(tmp.Combine("data", "only-class"), 8);
        var config = new RunConfig
        {
            Game = "cifar10-dcgan", Data = "folder", DataDir = tmp.Combine("data"), BatchSize = 4, LatentDim = 8, Steps = 2,
            GridSize = 4, LogEvery = 1, SampleEvery = 0, CheckpointEvery = 0, Seed = 1,
        };
        var result = new Trainer(config, tmp.Combine("run")).Run();
        Assert.Equal(RunStatus.Finished, result.State);
        var (header, rows) = MetricsLog.Read(tmp.Combine("run", "metrics.csv"));
        Assert.All(rows, r => Assert.True(r[Array.IndexOf(header, "loss_d")] is { } v && double.IsFinite(v)));
    }

    [Fact]
    public void MissingFolderIsAClearError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "gamedrift-no-such-folder-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DirectoryNotFoundException>(() => DatasetLoader.Load(new RunConfig { Data = "folder", DataDir = missing }));
        Assert.Contains(missing, e.Message);
        var noDir = Assert.Throws<ArgumentException>(() => DatasetLoader.Load(new RunConfig { Data = "folder" }));
        Assert.Contains("data_dir", noDir.Message);
    }
}
