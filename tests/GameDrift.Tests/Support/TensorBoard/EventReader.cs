using GameDrift.Io.TensorBoard;

namespace GameDrift.Tests.Support.TensorBoard;

/// <summary>Reads TensorBoard event files back, verifying every record's CRCs.</summary>
public static class EventReader
{
    /// <summary>All events in the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A record is corrupted or truncated (the message names the file).</exception>
    public static IReadOnlyList<TensorBoardEvent> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Read(stream).ToList();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Event file '{path}': {e.Message}", e);
        }
    }

    /// <summary>Lazily parses the events in <paramref name="stream"/>, which is left open.</summary>
    public static IEnumerable<TensorBoardEvent> Read(Stream stream)
    {
        using var records = new TfRecordReader(stream, leaveOpen: true);
        foreach (var record in records.ReadAll())
            yield return EventDecoder.Parse(record);
    }

    /// <summary>The (step, value) points of scalar <paramref name="tag"/>, in file order.</summary>
    public static IReadOnlyList<(long Step, float Value)> Scalars(IEnumerable<TensorBoardEvent> events, string tag) =>
        events.SelectMany(e => e.Values.Where(v => v.Tag == tag && v.SimpleValue.HasValue)
                                        .Select(v => (e.Step, v.SimpleValue!.Value)))
              .ToList();
}
