using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

public sealed partial class Tensor
{
    /// <summary>Makes this object refer to <paramref name="source"/>'s tensor (PyTorch's <c>param.data = source</c>):
    /// the object stays the same, so modules and optimisers holding it see the new dtype or device.
    /// This object's previous native handle is freed; <paramref name="source"/> keeps its own.</summary>
    internal void SetData(Tensor source)
    {
        _ = Handle; // a disposed tensor cannot be revived
        var h = TorchException.Check(gd_tensor_alias(source.Handle));
        GC.KeepAlive(source);
        // One handle replaces another, so the live count is unchanged.
        var old = Interlocked.Exchange(ref handle, h);
        if (old != IntPtr.Zero) gd_tensor_free(old);
    }
}
