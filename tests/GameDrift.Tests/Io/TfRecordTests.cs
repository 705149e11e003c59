using GameDrift.Tests.Support.TensorBoard;
using System.Buffers.Binary;
using GameDrift.Io.TensorBoard;

namespace GameDrift.Tests.Io;

public class TfRecordTests
{
    private static byte[] WriteRecords(params byte[][] records)
    {
        using var ms = new MemoryStream();
        using (var writer = new TfRecordWriter(ms, leaveOpen: true))
            foreach (var r in records)
                writer.Write(r);
        return ms.ToArray();
    }

    private static List<byte[]> ReadRecords(byte[] file)
    {
        using var reader = new TfRecordReader(new MemoryStream(file));
        return reader.ReadAll().ToList();
    }

    [Fact]
    public void Record_layout_is_length_crc_data_crc()
    {
        var data = new byte[] { 1, 2, 3, 4, 5 };
        var file = WriteRecords(data);
        Assert.Equal(8 + 4 + 5 + 4, file.Length);
        Assert.Equal(5UL, BinaryPrimitives.ReadUInt64LittleEndian(file));
        Assert.Equal(TfRecordCrc.Mask(TfRecordCrc.Compute(file.AsSpan(0, 8))), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8)));
        Assert.Equal(data, file[12..17]);
        Assert.Equal(TfRecordCrc.Mask(TfRecordCrc.Compute(data)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(17)));
    }

    [Fact]
    public void Records_round_trip()
    {
        byte[][] records = [[], [42], Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray()];
        var read = ReadRecords(WriteRecords(records));
        Assert.Equal(records.Length, read.Count);
        for (int i = 0; i < records.Length; i++)
            Assert.Equal(records[i], read[i]);
    }

    [Theory]
    [InlineData(0, "length CRC")]   // length field
    [InlineData(9, "length CRC")]   // length CRC itself
    [InlineData(14, "data CRC")]    // data
    [InlineData(18, "data CRC")]    // data CRC itself
    [InlineData(25, "byte 21: length CRC")] // second record (starts at 21) length
    [InlineData(33, "byte 21: data CRC")]   // second record's data
    public void Flipped_byte_fails_the_crc_check(int position, string expected)
    {
        var file = WriteRecords([1, 2, 3, 4, 5], [6, 7]);
        file[position] ^= 0x01;
        var e = Assert.Throws<InvalidDataException>(() => ReadRecords(file));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Truncated_record_is_reported()
    {
        var file = WriteRecords([1, 2, 3, 4, 5]);
        var e = Assert.Throws<InvalidDataException>(() => ReadRecords(file[..^2]));
        Assert.Contains("truncated", e.Message);
    }
}
