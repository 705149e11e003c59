using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>libtorch errors become .NET exceptions carrying libtorch's message, and the process carries on.</summary>
public class NativeErrorTests
{
    /// <summary>After an error the engine must still compute (and the error must not linger for the next call).</summary>
    private static void StillWorks()
    {
        using var a = torch.Arange(4, ScalarType.Float64);
        using var b = a.Matmul(a);
        Assert.Equal(14.0, b.ToDouble());
    }

    [Fact]
    public void BroadcastShapeMismatch()
    {
        using var a = torch.Zeros(2, 3);
        using var b = torch.Zeros(2, 4);
        var ex = Assert.Throws<TorchException>(() => a + b);
        Assert.Contains("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", ex.Message);
        StillWorks();
    }

    [Fact]
    public void DtypeMismatchInMatrixProduct()
    {
        using var a = torch.Ones(new long[] { 2, 2 }, ScalarType.Float32);
        using var b = torch.Ones(new long[] { 2, 2 }, ScalarType.Float64);
        var ex = Assert.Throws<TorchException>(() => a.Mm(b));
        Assert.Contains("expected", ex.Message);
        Assert.Contains("Double", ex.Message, StringComparison.OrdinalIgnoreCase);
        StillWorks();
    }

    [Fact]
    public void CudaTensorWithoutCudaThrowsInsteadOfCrashing()
    {
        if (torch.cuda.IsAvailable()) return; // this check is about machines without CUDA
        var ex = Assert.Throws<TorchException>(() => torch.Zeros(new long[] { 2 }, device: Device.CUDA()));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        using var cpu = torch.Ones(2);
        Assert.Throws<TorchException>(() => cpu.To(Device.CUDA()));
        StillWorks();
    }

    [Fact]
    public void IndexOutOfRange()
    {
        using var t = torch.Arange(3);
        var ex = Assert.Throws<TorchException>(() => t.Select(0, 5));
        Assert.Contains("index 5 out of range for tensor of size [3] at dimension 0", ex.Message);
        var ex2 = Assert.Throws<TorchException>(() => t[-4]);
        Assert.Contains("index -4 out of range", ex2.Message);
        using var idx = torch.Tensor(0L, 7L);
        var ex3 = Assert.Throws<TorchException>(() => t.IndexSelect(0, idx));
        Assert.Contains("out of range", ex3.Message);
        StillWorks();
    }

    [Fact]
    public void MissingTorchScriptFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gd-missing-{Guid.NewGuid():N}.pt");
        var ex = Assert.Throws<FileNotFoundException>(() => torch.jit.Load(path));
        Assert.Contains(path, ex.Message);
        StillWorks();
    }

    [Fact]
    public void TorchScriptFileThatIsNotAnArchive()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a zip archive");
            var ex = Assert.Throws<TorchException>(() => torch.jit.Load(path));
            Assert.Contains("PytorchStreamReader failed", ex.Message);
        }
        finally { File.Delete(path); }
        StillWorks();
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("pickle")]
    public void CorruptTensorFile(string kind)
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var t = torch.Arange(100, ScalarType.Float32)) torch.Save(new Dictionary<string, Tensor> { ["x"] = t }, path);
            var bytes = File.ReadAllBytes(path);
            bytes = kind switch
            {
                "garbage" => System.Text.Encoding.ASCII.GetBytes("this is not a tensor file"),
                "truncated" => bytes[..(bytes.Length / 2)],
                _ => CorruptPickle(bytes),
            };
            File.WriteAllBytes(path, bytes);
            var ex = Assert.ThrowsAny<Exception>(() => torch.Load(path));
            Assert.IsType<TorchException>(ex);
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }
        finally { File.Delete(path); }
        StillWorks();
    }

    /// <summary>Scrambles the opcodes right after the pickle's PROTO header (0x80 0x02) inside the zip.</summary>
    private static byte[] CorruptPickle(byte[] bytes)
    {
        var start = bytes.AsSpan().IndexOf(new byte[] { 0x80, 0x02 });
        Assert.True(start > 0, "no pickle header found");
        for (var i = start + 2; i < start + 12; i++) bytes[i] ^= 0x5A;
        return bytes;
    }

    [Fact]
    public void MissingTensorFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gd-missing-{Guid.NewGuid():N}.pt");
        Assert.Throws<FileNotFoundException>(() => torch.Load(path));
    }

    [Fact]
    public void UsingADisposedTensorThrowsObjectDisposed()
    {
        var t = torch.Ones(3);
        t.Dispose();
        Assert.True(t.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => t.Sum());
        Assert.Throws<ObjectDisposedException>(() => t.Shape);
        Assert.Throws<ObjectDisposedException>(() => t.ToArray<float>());
        using var other = torch.Ones(3);
        Assert.Throws<ObjectDisposedException>(() => other + t);
        t.Dispose(); // idempotent
        Assert.Equal("tensor(<disposed>)", t.ToString());
        StillWorks();
    }

    [Fact]
    public void ErrorsOnOneThreadDoNotLeakToAnother()
    {
        using var a = torch.Zeros(2, 3);
        using var b = torch.Zeros(4, 5);
        Assert.Throws<TorchException>(() => a.Matmul(b));
        Exception? error = null;
        var t = new Thread(() => { try { StillWorks(); } catch (Exception e) { error = e; } });
        t.Start();
        t.Join();
        Assert.Null(error);
        StillWorks();
    }
}
