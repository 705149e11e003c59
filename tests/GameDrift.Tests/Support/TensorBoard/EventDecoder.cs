using Google.Protobuf;
using static GameDrift.Io.TensorBoard.EventFields;

using GameDrift.Io.TensorBoard;

namespace GameDrift.Tests.Support.TensorBoard;

/// <summary>Parses serialised Event messages into <see cref="TensorBoardEvent"/>; unknown fields are skipped.</summary>
public static class EventDecoder
{
    /// <summary>Parses one Event.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid protobuf message.</exception>
    public static TensorBoardEvent Parse(byte[] data)
    {
        try
        {
            return ParseEvent(data);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"Record is not a valid Event message: {e.Message}", e);
        }
    }

    private static TensorBoardEvent ParseEvent(byte[] data)
    {
        var input = new CodedInputStream(data);
        double wallTime = 0;
        long step = 0;
        string? fileVersion = null;
        var values = new List<SummaryValue>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (EventWallTime, WireFormat.WireType.Fixed64): wallTime = input.ReadDouble(); break;
                case (EventStep, WireFormat.WireType.Varint): step = input.ReadInt64(); break;
                case (EventFileVersion, WireFormat.WireType.LengthDelimited): fileVersion = input.ReadString(); break;
                case (EventSummary, WireFormat.WireType.LengthDelimited): ParseSummary(input.ReadBytes(), values); break;
                default: input.SkipLastField(); break;
            }
        }
        return new TensorBoardEvent(wallTime, step, fileVersion, values);
    }

    private static void ParseSummary(ByteString bytes, List<SummaryValue> values)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == WireFormat.MakeTag(SummaryValues, WireFormat.WireType.LengthDelimited))
                values.Add(ParseValue(input.ReadBytes()));
            else
                input.SkipLastField();
        }
    }

    private static SummaryValue ParseValue(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string name = "";
        float? simple = null;
        SummaryImage? image = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (ValueTag, WireFormat.WireType.LengthDelimited): name = input.ReadString(); break;
                case (ValueSimpleValue, WireFormat.WireType.Fixed32): simple = input.ReadFloat(); break;
                case (ValueImage, WireFormat.WireType.LengthDelimited): image = ParseImage(input.ReadBytes()); break;
                default: input.SkipLastField(); break;
            }
        }
        return new SummaryValue(name, simple, image);
    }

    private static SummaryImage ParseImage(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        int height = 0, width = 0, colorspace = 0;
        byte[] encoded = [];
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (ImageHeight, WireFormat.WireType.Varint): height = input.ReadInt32(); break;
                case (ImageWidth, WireFormat.WireType.Varint): width = input.ReadInt32(); break;
                case (ImageColorspace, WireFormat.WireType.Varint): colorspace = input.ReadInt32(); break;
                case (ImageEncoded, WireFormat.WireType.LengthDelimited): encoded = input.ReadBytes().ToByteArray(); break;
                default: input.SkipLastField(); break;
            }
        }
        return new SummaryImage(height, width, colorspace, encoded);
    }
}
