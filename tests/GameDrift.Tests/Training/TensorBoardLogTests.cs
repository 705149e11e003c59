using GameDrift.Tests.Support.TensorBoard;
using GameDrift.Io.Png;
using GameDrift.Io.TensorBoard;
using GameDrift.Training;

namespace GameDrift.Tests.Training;

public class TensorBoardLogTests
{
    private static IReadOnlyList<TensorBoardEvent> ReadAll(string runDir) =>
        Directory.GetFiles(Path.Combine(runDir, "tensorboard"), "*tfevents*").Order()
            .SelectMany(EventReader.ReadFile).ToList(); // ReadFile checks both masked CRCs of every record

    [Fact]
    public void ATrainingRunLogsEveryMetricsColumnAndEverySampleGrid()
    {
        using var tmp = new TempDirectory();
        new Trainer(TinyGan.Config(), tmp.Path).Run();
        var events = ReadAll(tmp.Path);
        Assert.Equal(EventWriter.FileVersion, events[0].FileVersion);

        var (header, rows) = MetricsLog.Read(tmp.Combine("metrics.csv"));
        Assert.Equal(6, rows.Count);
        foreach (var column in header.Skip(2))
        {
            var i = Array.IndexOf(header, column);
            var expected = rows.Where(r => r[i].HasValue).Select(r => ((long)r[0]!.Value, (float)r[i]!.Value)).ToList();
            Assert.Equal(expected, EventReader.Scalars(events, column));
        }
        var scalarTags = events.SelectMany(e => e.Values).Where(v => v.SimpleValue.HasValue).Select(v => v.Tag).ToHashSet();
        // Every column with a value in some row (unmeasured drift terms are blank cells and no scalar).
        Assert.Equal(header.Skip(2).Where(c => rows.Any(r => r[Array.IndexOf(header, c)].HasValue)).ToHashSet(), scalarTags);

        var images = events.SelectMany(e => e.Values.Where(v => v.Image != null).Select(v => (e.Step, v))).ToList();
        Assert.Equal([3L, 6L], images.Select(x => x.Step));
        foreach (var (step, value) in images)
        {
            Assert.Equal(TensorBoardLog.SamplesTag, value.Tag);
            var onDisk = PngImage.Load(tmp.Combine("samples", $"step_{step:D6}.png"));
            var logged = PngDecoder.Decode(value.Image!.EncodedImage);
            Assert.True(logged.SamePixels(onDisk));
            Assert.Equal((onDisk.Width, onDisk.Height, onDisk.Channels), (value.Image.Width, value.Image.Height, value.Image.Colorspace));
        }
    }

    [Fact]
    public void AResumedRunAddsASecondEventFileStartingAfterTheCheckpoint()
    {
        using var tmp = new TempDirectory();
        new Trainer(TinyGan.Config("steps=3"), tmp.Path).Run();
        new Trainer(TinyGan.Config(), tmp.Path).Run(resume: true);
        var files = Directory.GetFiles(tmp.Combine("tensorboard"), "*tfevents*").Order().ToArray();
        Assert.Equal(2, files.Length);
        var second = EventReader.Scalars(EventReader.ReadFile(files[1]), "loss_d");
        Assert.Equal([4L, 5L, 6L], second.Select(p => p.Step));
    }

    [Fact]
    public void MetricsRowsReachTheEventFileWithOnlyTheColumnsWritten()
    {
        using var tmp = new TempDirectory();
        using (var tb = new TensorBoardLog(tmp.Path))
        using (var metrics = new MetricsLog(tmp.Combine("metrics.csv"), ["loss_d", "fid_inception"]))
        {
            metrics.RowWritten += tb.Scalars;
            metrics.Write(1, 0.1, new Dictionary<string, double> { ["loss_d"] = 0.5, ["not_a_column"] = 9 });
            metrics.Write(2, 0.2, new Dictionary<string, double> { ["loss_d"] = 0.25, ["fid_inception"] = 31.5 });
        }
        var events = ReadAll(tmp.Path);
        Assert.Equal([(1L, 0.5f), (2L, 0.25f)], EventReader.Scalars(events, "loss_d"));
        Assert.Equal([(2L, 31.5f)], EventReader.Scalars(events, "fid_inception"));
        Assert.Empty(EventReader.Scalars(events, "not_a_column"));
    }
}
