using GameDrift.Metrics.Extractors;

namespace GameDrift.Tests.Metrics;

public class CacheLockTests
{
    [Fact]
    public void SecondHolderWaitsUntilTheFirstReleases()
    {
        using var tmp = new TempDirectory();
        var entry = tmp.Combine("classifier.pt");
        var first = CacheLock.Acquire(entry);
        var waited = new ManualResetEventSlim();
        var acquired = new ManualResetEventSlim();
        var t = new Thread(() =>
        {
            using var second = CacheLock.Acquire(entry, waited.Set);
            acquired.Set();
        });
        t.Start();
        Assert.True(waited.Wait(TimeSpan.FromSeconds(10)), "the second holder was not told to wait");
        Assert.False(acquired.Wait(TimeSpan.FromMilliseconds(600)), "the second holder got the lock while the first held it");
        first.Dispose();
        Assert.True(acquired.Wait(TimeSpan.FromSeconds(10)), "the second holder never got the lock");
        t.Join();
    }
}
