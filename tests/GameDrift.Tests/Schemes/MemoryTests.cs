using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Tests.TestGames;
using GameDrift.Torch;
using GameDrift.Transforms;

namespace GameDrift.Tests.Schemes;

[CollectionDefinition("LiveCount", DisableParallelization = true)]
public class LiveCountCollection;

/// <summary>Regularised steps free every temporary: <see cref="Tensor.LiveCount"/> stays flat.</summary>
[Collection("LiveCount")]
public class MemoryTests
{
    [Theory]
    [InlineData(SchemeKind.Simultaneous)]
    [InlineData(SchemeKind.Alternating)]
    [InlineData(SchemeKind.RungeKutta4)]
    public void TwoHundredRegularisedStepsDoNotLeak(SchemeKind kind)
    {
        var game = SmallGan.Create(new[] { 0.8, -0.4 }, new[] { 0.2, 1.3 }, GanLoss.NonSaturating);
        var gen = new Generator(3);
        var batches = new BatchSource(() => new GameBatch(torch.Randn(new long[] { 8, 1 }, gen, ScalarType.Float64), torch.Randn(new long[] { 8, 1 }, gen, ScalarType.Float64)));
        var regs = RegulariserRegistry.Parse(kind == SchemeKind.RungeKutta4 ? "co=0.1,r1=0.3" : "cancel-interaction,strengthen-self:same-batch,r1=0.3,sga=0.1:align", gen);
        var o1 = OptimizerAdapter.Sgd(game.DiscriminatorParameters, 0.01);
        var o2 = OptimizerAdapter.Sgd(game.GeneratorParameters, 0.01);
        UpdateScheme scheme = kind switch
        {
            SchemeKind.Simultaneous => new Simultaneous(game, Chain.Of(regs, o1), Chain.Of(regs, o2), batches),
            SchemeKind.Alternating => new Alternating(game, Chain.Of(regs, o1), Chain.Of(regs, o2), batches, phiSteps: 2),
            _ => new RungeKutta4(game, Chain.Of(regs, o1), Chain.Of(regs, o2), batches),
        };
        scheme.EvaluationObservers.Add(DiagnosticsMeasurement.Always());
        // The diagnostics a step returns are the caller's (they hold the unread values on the device): freed here.
        scheme.Step().Dispose();
        var before = SettledLiveCount();
        // No collections during the loop, so no finalizer can hide a temporary that the step's scope failed to free.
        var noGc = GC.TryStartNoGCRegion(200_000_000);
        for (var i = 0; i < 200; i++) scheme.Step().Dispose();
        var after = Tensor.LiveCount;
        if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        Assert.True(noGc, "could not suspend the GC for the measurement");
        Assert.Equal(before, after);
        Assert.Equal(before, SettledLiveCount());
        Assert.True(game.DiscriminatorParameters[0].ToArray<double>().All(double.IsFinite));
        GC.KeepAlive(game);
    }

    // Earlier tests' unreachable tensors are freed by finalizers; let them run so only this test's count remains.
    private static long SettledLiveCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Tensor.LiveCount;
    }
}
