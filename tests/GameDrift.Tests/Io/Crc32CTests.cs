using System.Text;
using GameDrift.Io.TensorBoard;

namespace GameDrift.Tests.Io;

public class Crc32CTests
{
    [Fact]
    public void Check_value_of_123456789()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Rfc3720_test_vectors()
    {
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.Equal(0x46DD794Eu, Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
        Assert.Equal(0x113FDB5Cu, Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()));
        Assert.Equal(0u, Crc32C.Compute([]));
    }

    [Fact]
    public void Append_in_pieces_equals_whole()
    {
        var data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(Crc32C.Compute(data), Crc32C.Append(Crc32C.Compute(data.AsSpan(0, 4)), data.AsSpan(4)));
    }

    [Fact]
    public void Mask_follows_the_tfrecord_formula_and_unmasks()
    {
        const uint crc = 0xE3069283u;
        uint expected = unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
        Assert.Equal(expected, Crc32C.Mask(crc));
        Assert.Equal(0xA282EAD8u, Crc32C.Mask(0));
        Assert.Equal(crc, Crc32C.Unmask(Crc32C.Mask(crc)));
    }
}
