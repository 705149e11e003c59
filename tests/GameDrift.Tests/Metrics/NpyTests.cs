using System.Text;
using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

public class NpyTests
{
    [Fact]
    public void EncodesHeaderByteForByteLikeNumpy()
    {
        // Built by hand from the format spec: magic, version 1.0, little-endian length 118, the
        // dict, 21 - len("3") growth spaces, padding to 128 bytes, newline.
        string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }";
        var expected = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0 };
        expected.AddRange(Encoding.ASCII.GetBytes(dict));
        expected.AddRange(Enumerable.Repeat((byte)' ', 128 - 1 - expected.Count));
        expected.Add((byte)'\n');

        Assert.Equal(expected.ToArray(), Npy.EncodeHeader(NpyDtype.Float64, [3]));
    }

    [Theory]
    [InlineData("vector_f4.npy")]
    [InlineData("matrix_f8.npy")]
    public void WritesTheSameBytesAsNumpy(string fixture)
    {
        byte[] numpyBytes = File.ReadAllBytes(Fixtures.PathOf(fixture));
        NpyArray array = Npy.Read(Fixtures.PathOf(fixture));
        using var ms = new MemoryStream();
        Npy.Write(ms, array);
        Assert.Equal(numpyBytes, ms.ToArray());
    }

    [Fact]
    public void ReadsNumpyFloat32Vector()
    {
        NpyArray a = Npy.Read(Fixtures.PathOf("vector_f4.npy"));
        Assert.Equal(NpyDtype.Float32, a.Dtype);
        Assert.Equal([5], a.Shape);
        Assert.Equal(new double[] { 1.5, -2.25, 3.0, 0.1f, 1e-8f }, a.Data);
    }

    [Fact]
    public void ReadsFormatVersion2()
    {
        NpyArray a = Npy.Read(Fixtures.PathOf("matrix_v2.npy"));
        Assert.Equal([2, 3], a.Shape);
        Assert.Equal(new double[] { -2.5, -1.5, -0.5, 0.5, 1.5, 2.5 }, a.Data);
    }

    [Fact]
    public void ParsesHandBuiltHeaderWithOtherSpellings()
    {
        // Key order, double quotes, no spaces and a Python 2 long suffix are all legal headers.
        byte[] file = Build("{\"shape\":(2L,2),\"fortran_order\":False,\"descr\":\"<f4\"}", major: 1,
            BitConverter.GetBytes(1f).Concat(BitConverter.GetBytes(2f)).Concat(BitConverter.GetBytes(-3f)).Concat(BitConverter.GetBytes(0.5f)).ToArray());
        NpyArray a = Npy.Read(new MemoryStream(file), "hand-built");
        Assert.Equal([2, 2], a.Shape);
        Assert.Equal(new double[] { 1, 2, -3, 0.5 }, a.Data);
    }

    [Theory]
    [InlineData("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", "unsupported dtype '>f8'")]
    [InlineData("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", "unsupported dtype '<i8'")]
    [InlineData("{'descr': '<f8', 'fortran_order': True, 'shape': (1, 1), }", "Fortran-ordered")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }", "3-D")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", "0-D")]
    [InlineData("{'descr': '<f8', 'shape': (1,), }", "no 'fortran_order'")]
    [InlineData("{'descr': '<f8', 'fortran_order': Nope, 'shape': (1,), }", "malformed")]
    public void RejectsUnsupportedHeadersNamingTheProblem(string header, string fragment)
    {
        byte[] file = Build(header, major: 1, new byte[8]);
        var e = Assert.Throws<NpyFormatException>(() => Npy.Read(new MemoryStream(file), "stats.npz: array 'sigma'"));
        Assert.Contains(fragment, e.Message);
        Assert.Contains("stats.npz: array 'sigma'", e.Message);
    }

    [Fact]
    public void RejectsBadMagicTruncationAndUnknownVersion()
    {
        Assert.Throws<NpyFormatException>(() => Npy.Read(new MemoryStream(Encoding.ASCII.GetBytes("PK\x03\x04 not npy")), "x"));
        byte[] truncated = Build("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", major: 1, new byte[16]);
        Assert.Contains("truncated", Assert.Throws<NpyFormatException>(() => Npy.Read(new MemoryStream(truncated), "x")).Message);
        byte[] v9 = Build("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", major: 9, new byte[8]);
        Assert.Contains("version 9.0", Assert.Throws<NpyFormatException>(() => Npy.Read(new MemoryStream(v9), "x")).Message);
    }

    private static byte[] Build(string header, byte major, byte[] data)
    {
        byte[] h = Encoding.ASCII.GetBytes(header + "\n");
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 };
        if (major == 1) bytes.AddRange(BitConverter.GetBytes((ushort)h.Length));
        else bytes.AddRange(BitConverter.GetBytes((uint)h.Length));
        bytes.AddRange(h);
        bytes.AddRange(data);
        return bytes.ToArray();
    }
}
