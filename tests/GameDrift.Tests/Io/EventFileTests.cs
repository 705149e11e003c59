using GameDrift.Tests.Support.TensorBoard;
using GameDrift.Io.TensorBoard;

namespace GameDrift.Tests.Io;

public class EventFileTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250);

    [Fact]
    public void Scalar_event_encodes_to_the_expected_protobuf_bytes()
    {
        // Event{wall_time=1.5 (field 1, fixed64), step=3 (field 2, varint),
        //       summary (field 5) = Summary{value (field 1) = Value{tag "a" (field 1), simple_value 1.0f (field 2, fixed32)}}}
        byte[] expected =
        [
            0x09, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F,
            0x10, 0x03,
            0x2A, 0x0A,
            0x0A, 0x08,
            0x0A, 0x01, (byte)'a',
            0x15, 0x00, 0x00, 0x80, 0x3F,
        ];
        Assert.Equal(expected, EventEncoder.Scalar(1.5, 3, "a", 1f));
    }

    [Fact]
    public void Image_and_file_version_events_encode_to_the_expected_protobuf_bytes()
    {
        // Value{tag "i", image (field 4) = Image{height 2 (1), width 3 (2), colorspace 4 (3), encoded (4) = [7, 8]}}
        byte[] image = [0x08, 0x02, 0x10, 0x03, 0x18, 0x04, 0x22, 0x02, 7, 8];
        byte[] value = [0x0A, 0x01, (byte)'i', 0x22, (byte)image.Length, .. image];
        byte[] expected = [0x09, 0, 0, 0, 0, 0, 0, 0, 0, 0x2A, (byte)(value.Length + 2), 0x0A, (byte)value.Length, .. value];
        Assert.Equal(expected, EventEncoder.Image(0, 0, "i", [7, 8], width: 3, height: 2, colorspace: 4));

        byte[] version = [0x09, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x1A, 0x02, (byte)'v', (byte)'2'];
        Assert.Equal(version, EventEncoder.FileVersion(1.0, "v2"));
    }

    [Fact]
    public void Writer_names_the_file_and_starts_with_the_file_version()
    {
        using var tmp = new TempDirectory();
        string path;
        using (var writer = new EventWriter(tmp.Combine("run1"), new FixedTime(Start)))
            path = writer.FilePath;

        Assert.Equal(tmp.Combine("run1"), Path.GetDirectoryName(path));
        Assert.Equal($"events.out.tfevents.1700000000.{System.Net.Dns.GetHostName()}", Path.GetFileName(path));
        var events = EventReader.ReadFile(path);
        var first = Assert.Single(events);
        Assert.Equal("brain.Event:2", first.FileVersion);
        Assert.Equal(1_700_000_000.25, first.WallTime, 1e-6);
    }

    [Fact]
    public void Scalars_and_images_round_trip()
    {
        using var tmp = new TempDirectory();
        var time = new FixedTime(Start);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 1, 2, 3, 255];
        string path;
        using (var writer = new EventWriter(tmp.Path, time))
        {
            writer.AddScalar("loss/generator", 0.75, step: 1);
            time.Now = Start.AddSeconds(2);
            writer.AddScalar("loss/generator", 0.0, step: 2); // zero must survive (oneof field)
            writer.AddScalar("drift/norm", -3.25e-4, step: 2);
            writer.AddImage("samples", png, width: 8, height: 4, channels: 3, step: 2);
            writer.Flush();
            path = writer.FilePath;
        }

        var events = EventReader.ReadFile(path);
        Assert.Equal(5, events.Count);
        Assert.Equal([(1L, 0.75f), (2L, 0f)], EventReader.Scalars(events, "loss/generator"));
        Assert.Equal([(2L, -3.25e-4f)], EventReader.Scalars(events, "drift/norm"));
        Assert.Equal(1_700_000_002.25, events[2].WallTime, 1e-6);

        var imageValue = Assert.Single(events[4].Values);
        Assert.Equal("samples", imageValue.Tag);
        Assert.Null(imageValue.SimpleValue);
        Assert.Equal(2, events[4].Step);
        var image = Assert.IsType<SummaryImage>(imageValue.Image);
        Assert.Equal((4, 8, 3), (image.Height, image.Width, image.Colorspace));
        Assert.Equal(png, image.EncodedImage);
    }

    [Fact]
    public void Flipped_byte_fails_the_crc_check_and_names_the_file()
    {
        using var tmp = new TempDirectory();
        string path;
        using (var writer = new EventWriter(tmp.Path, new FixedTime(Start)))
        {
            writer.AddScalar("x", 1.0, 1);
            path = writer.FilePath;
        }
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(2, EventReader.ReadFile(path).Count);
        bytes[^6] ^= 0x40; // inside the scalar record's data
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => EventReader.ReadFile(path));
        Assert.Contains("CRC mismatch", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Two_writers_in_the_same_second_get_distinct_files()
    {
        using var tmp = new TempDirectory();
        using var a = new EventWriter(tmp.Path, new FixedTime(Start));
        using var b = new EventWriter(tmp.Path, new FixedTime(Start));
        Assert.NotEqual(a.FilePath, b.FilePath);
        Assert.Contains("tfevents", Path.GetFileName(b.FilePath));
    }

    [Fact]
    public void Writer_rejects_bad_arguments_and_use_after_dispose()
    {
        using var tmp = new TempDirectory();
        var writer = new EventWriter(tmp.Path);
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.AddImage("i", [1], 1, 1, channels: 5, step: 0));
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.AddScalar("x", 1, 0));
    }
}
