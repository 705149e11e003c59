using GameDrift.Io.Png;
using GameDrift.Io.TensorBoard;

namespace GameDrift.Training;

/// <summary>The TensorBoard view of a run: &lt;run&gt;/tensorboard/ gets every metrics.csv row as scalars (one tag per
/// value column, named as in the CSV; step and wall time are TensorBoard's own axes) and every saved sample grid as an
/// image. A resumed run starts a new event file
/// beside the old ones; TensorBoard reads them all.</summary>
public sealed class TensorBoardLog : IDisposable
{
    /// <summary>Tag of the sample-grid images.</summary>
    public const string SamplesTag = "samples";

    private readonly EventWriter writer;

    public TensorBoardLog(string runDirectory, TimeProvider? time = null) =>
        writer = new EventWriter(Path.Combine(runDirectory, "tensorboard"), time);

    /// <summary>The event file being written.</summary>
    public string FilePath => writer.FilePath;

    /// <summary>One metrics row: a scalar per value, flushed so a live TensorBoard sees it at once.</summary>
    public void Scalars(long step, IReadOnlyDictionary<string, double> values)
    {
        foreach (var (tag, value) in values) writer.AddScalar(tag, value, step);
        writer.Flush();
    }

    /// <summary>Logs a PNG file (a sample grid) as it is on disk: the bytes are stored unchanged; decoding them
    /// gives the size and channel count and checks the file is a PNG.</summary>
    public void Image(string pngPath, long step, string tag = SamplesTag)
    {
        var bytes = File.ReadAllBytes(pngPath);
        var image = PngDecoder.Decode(bytes);
        writer.AddImage(tag, bytes, image.Width, image.Height, image.Channels, step);
        writer.Flush();
    }

    public void Dispose() => writer.Dispose();
}
