using System.Text;
using GameDrift.Io.TensorBoard;

namespace GameDrift.Tests.Io;

public class TfRecordCrcTests
{
    [Fact]
    public void Check_value_of_123456789()
    {
        Assert.Equal(0xE3069283u, TfRecordCrc.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Rfc3720_test_vectors()
    {
        Assert.Equal(0x8A9136AAu, TfRecordCrc.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, TfRecordCrc.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.Equal(0x46DD794Eu, TfRecordCrc.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
        Assert.Equal(0x113FDB5Cu, TfRecordCrc.Compute(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()));
        Assert.Equal(0u, TfRecordCrc.Compute([]));
    }


    [Fact]
    public void Mask_follows_the_tfrecord_formula_and_unmasks()
    {
        const uint crc = 0xE3069283u;
        uint expected = unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
        Assert.Equal(expected, TfRecordCrc.Mask(crc));
        Assert.Equal(0xA282EAD8u, TfRecordCrc.Mask(0));
        Assert.Equal(crc, TfRecordCrc.Unmask(TfRecordCrc.Mask(crc)));
    }
}
