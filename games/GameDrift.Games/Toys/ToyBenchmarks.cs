using System.Diagnostics;
using GameDrift.Analysis;
using GameDrift.Schemes;
using GameDrift.ToyRuns;

namespace GameDrift.Games.Toys;

/// <summary>Entry points for the benchmark project.</summary>
public static class ToyBenchmarks
{
    /// <summary>Times a Dirac-GAN sweep of <paramref name="configurations"/> (lr_d, lr_g) pairs x <paramref name="steps"/>
    /// updates from (1, 1), with Lyapunov exponents (the batched fast path). The first call includes JIT warm-up, so callers
    /// should run it once before timing.</summary>
    public static (TimeSpan Elapsed, ToyBatchResult Result) DiracSweep(int configurations = 10_000, int steps = 1_000,
        SchemeKind scheme = SchemeKind.Simultaneous, ToyBackend backend = ToyBackend.Auto)
    {
        int side = (int)Math.Ceiling(Math.Sqrt(configurations));
        var lrD = new LogRange(0.01, 4, side).Values();
        var ratio = new LogRange(0.125, 8, side).Values();
        var etaPhi = new double[configurations];
        var etaTheta = new double[configurations];
        for (int i = 0; i < configurations; i++)
        {
            etaPhi[i] = lrD[i / side];
            etaTheta[i] = lrD[i / side] / ratio[i % side];
        }
        var batch = new ToyBatch(etaPhi, etaTheta, Enumerable.Repeat(new[] { 1.0, 1.0 }, configurations).ToArray());
        var sw = Stopwatch.StartNew();
        var result = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(scheme), batch, steps, backend: backend);
        return (sw.Elapsed, result);
    }
}
