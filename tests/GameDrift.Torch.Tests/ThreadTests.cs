using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

[Collection("Serial")]
public class ThreadTests
{
    [Fact]
    public void DefaultsToProcessorCountAndCanBeSet()
    {
        var env = Environment.GetEnvironmentVariable("GAMEDRIFT_NUM_THREADS");
        var expected = int.TryParse(env, out var n) && n > 0 ? n : Environment.ProcessorCount;
        var before = torch.NumThreads;
        try
        {
            Assert.Equal(expected, before);
            torch.NumThreads = 1;
            Assert.Equal(1, torch.NumThreads);
            // The setting is process-wide: a thread that starts computing now sees it too.
            var seen = 0;
            var t = new Thread(() => seen = torch.NumThreads);
            t.Start();
            t.Join();
            Assert.Equal(1, seen);
            using var a = torch.Ones(64, 64);
            Assert.Equal(64.0 * 64 * 64, a.Mm(a).Sum().ToDouble());
            Assert.Throws<ArgumentOutOfRangeException>(() => torch.NumThreads = 0);
        }
        finally
        {
            torch.NumThreads = before;
        }
        Assert.Equal(before, torch.NumThreads);
    }
}
