using Google.Protobuf;
using static GameDrift.Io.TensorBoard.EventFields;

namespace GameDrift.Io.TensorBoard;

/// <summary>Serialises the Event messages the writer needs, field by field, with CodedOutputStream.</summary>
public static class EventEncoder
{
    /// <summary>An Event carrying only <c>file_version</c> (the first record of every event file).</summary>
    public static byte[] FileVersion(double wallTime, string version) => Encode(o =>
    {
        WriteHeader(o, wallTime, 0);
        o.WriteTag(EventFileVersion, WireFormat.WireType.LengthDelimited);
        o.WriteString(version);
    });

    /// <summary>An Event with one scalar Summary.Value (<c>simple_value</c>, float32).</summary>
    public static byte[] Scalar(double wallTime, long step, string tag, float value)
    {
        var summaryValue = Encode(o =>
        {
            WriteTagString(o, tag);
            // simple_value sits in a oneof, so it is written even when 0 (else the value would vanish).
            o.WriteTag(ValueSimpleValue, WireFormat.WireType.Fixed32);
            o.WriteFloat(value);
        });
        return SummaryEvent(wallTime, step, summaryValue);
    }

    /// <summary>An Event with one image Summary.Value.</summary>
    public static byte[] Image(double wallTime, long step, string tag, ReadOnlySpan<byte> encodedImage,
                               int width, int height, int colorspace)
    {
        var encoded = encodedImage.ToArray();
        var image = Encode(o =>
        {
            WriteInt32(o, ImageHeight, height);
            WriteInt32(o, ImageWidth, width);
            WriteInt32(o, ImageColorspace, colorspace);
            WriteBytes(o, ImageEncoded, encoded);
        });
        var summaryValue = Encode(o =>
        {
            WriteTagString(o, tag);
            WriteBytes(o, ValueImage, image);
        });
        return SummaryEvent(wallTime, step, summaryValue);
    }

    private static byte[] SummaryEvent(double wallTime, long step, byte[] summaryValue)
    {
        var summary = Encode(o => WriteBytes(o, SummaryValues, summaryValue));
        return Encode(o =>
        {
            WriteHeader(o, wallTime, step);
            WriteBytes(o, EventSummary, summary);
        });
    }

    private static void WriteHeader(CodedOutputStream o, double wallTime, long step)
    {
        o.WriteTag(EventWallTime, WireFormat.WireType.Fixed64);
        o.WriteDouble(wallTime);
        // proto3 leaves default-valued scalars out, as TensorFlow's own writer does for step 0.
        if (step != 0)
        {
            o.WriteTag(EventStep, WireFormat.WireType.Varint);
            o.WriteInt64(step);
        }
    }

    private static void WriteTagString(CodedOutputStream o, string tag)
    {
        o.WriteTag(ValueTag, WireFormat.WireType.LengthDelimited);
        o.WriteString(tag);
    }

    private static void WriteInt32(CodedOutputStream o, int field, int value)
    {
        if (value == 0)
            return;
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt32(value);
    }

    // A nested message is encoded on the wire exactly like a bytes field holding its serialisation.
    private static void WriteBytes(CodedOutputStream o, int field, byte[] bytes)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(UnsafeByteOperations.UnsafeWrap(bytes));
    }

    private static byte[] Encode(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
            output.Flush();
        }
        return buffer.ToArray();
    }
}
