using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

public sealed partial class Tensor
{
    /// <summary>The raw element bytes, row-major, in the machine's (little-endian) byte order and the tensor's own
    /// element type: what file formats that store buffers (safetensors, hashes of weights) need.</summary>
    public unsafe byte[] ToBytes()
    {
        var a = new byte[NumberOfElements * DType.ElementSize()];
        fixed (byte* p = a) TorchException.Check(gd_copy_to(Handle, p, a.Length));
        GC.KeepAlive(this);
        return a;
    }
}
