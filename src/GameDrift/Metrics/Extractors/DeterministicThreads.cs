using GameDrift.Torch;

namespace GameDrift.Metrics.Extractors;

/// <summary>Runs libtorch on one intra-op thread until disposed, then restores the thread count. libtorch (and oneDNN)
/// split reductions — batch-norm statistics, bias and weight gradients — into one chunk per thread, so sums come out
/// in a thread-count-dependent order; on one thread the classifier's training and features are the same bits on every
/// machine. The cost was measured in bench/README.md ("fallback classifier").</summary>
internal sealed class DeterministicThreads : IDisposable
{
    private readonly int previous = torch.NumThreads;

    public DeterministicThreads()
    {
        if (previous != 1) torch.NumThreads = 1;
    }

    public void Dispose()
    {
        if (previous != 1) torch.NumThreads = previous;
    }
}
