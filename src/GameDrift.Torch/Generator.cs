using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

/// <summary>A seedable random number generator (torch.Generator). Numbers are drawn on the CPU and moved
/// to the target device, so a seeded run draws the same numbers on every device.</summary>
public sealed class Generator : IDisposable
{
    private IntPtr handle;

    public Generator(ulong seed = 67280421310721UL) => handle = TorchException.Check(gd_generator_new(seed));

    internal IntPtr Handle => handle != IntPtr.Zero ? handle : throw new ObjectDisposedException(nameof(Generator));

    public Generator ManualSeed(ulong seed)
    {
        TorchException.Check(gd_generator_seed(Handle, seed));
        return this;
    }

    /// <summary>The full internal state (a uint8 tensor), for checkpoints.</summary>
    public Tensor GetState()
    {
        var r = new Tensor(gd_generator_get_state(Handle));
        GC.KeepAlive(this);
        return r;
    }

    public void SetState(Tensor state)
    {
        TorchException.Check(gd_generator_set_state(Handle, state.Handle));
        GC.KeepAlive(this);
        GC.KeepAlive(state);
    }

    public void Dispose()
    {
        var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
        if (h != IntPtr.Zero) gd_generator_free(h);
        GC.SuppressFinalize(this);
    }

    ~Generator() => Dispose();
}
