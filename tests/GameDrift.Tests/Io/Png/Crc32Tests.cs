using System.Text;
using GameDrift.Io.Png;

namespace GameDrift.Tests.Io.Png;

public class Crc32Tests
{
    [Fact]
    public void CheckValueOfStandardString()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void EmptyInputIsZero()
    {
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void IendChunkCrcMatchesTheValueEveryPngEndsWith()
    {
        // Every PNG ends with IEND whose CRC is the constant AE 42 60 82.
        Assert.Equal(0xAE426082u, Crc32.Compute(Encoding.ASCII.GetBytes("IEND")));
    }

    [Fact]
    public void AppendEqualsComputeOfConcatenation()
    {
        var a = Encoding.ASCII.GetBytes("12345");
        var b = Encoding.ASCII.GetBytes("6789");
        Assert.Equal(0xCBF43926u, Crc32.Append(Crc32.Compute(a), b));
    }
}
