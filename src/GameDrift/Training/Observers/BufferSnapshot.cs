using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Training.Observers;

/// <summary>Copies of the modules' buffers (batch-norm statistics, spectral-norm vectors), written back on Dispose, so
/// a measurement's forward pass in training mode leaves the run exactly as it was.</summary>
public sealed class BufferSnapshot : IDisposable
{
    private readonly (Tensor Live, Tensor Saved)[] buffers;

    public BufferSnapshot(params Module[] modules)
    {
        using var _ = torch.NoGrad();
        buffers = modules.SelectMany(m => m.Buffers()).Select(b => (b, b.Detach().Clone())).ToArray();
    }

    public void Dispose()
    {
        using var _ = torch.NoGrad();
        foreach (var (live, saved) in buffers)
        {
            live.Copy_(saved);
            saved.Dispose();
        }
    }
}
