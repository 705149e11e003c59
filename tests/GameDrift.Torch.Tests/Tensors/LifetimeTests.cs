using System.Runtime.CompilerServices;
using GameDrift.Torch;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>Native handles are freed by Dispose, by dispose scopes and, as a backstop, by the finalizer.
/// These tests read the process-wide Tensor.LiveCount, so they run alone.</summary>
[Collection("Serial")]
public class LifetimeTests
{
    [Fact]
    public void ATrainingStepInAScopeLeavesNoTensorBehind()
    {
        using var w = torch.Randn(new long[] { 4, 3 }, dtype: ScalarType.Float64, requiresGrad: true);
        using var x = torch.Randn(new long[] { 5, 3 }, dtype: ScalarType.Float64);
        void Step()
        {
            using var scope = torch.NewDisposeScope();
            var loss = F.Softplus(F.Linear(x, w)).Square().Mean();
            var g = Autograd.Grad(loss, new[] { w }, createGraph: true)[0]!;
            var penalty = loss + g.Square().Sum();
            var gw = Autograd.Grad(penalty, new[] { w })[0]!;
            using (torch.NoGrad()) w.Add_(gw, -0.01);
            _ = w.ToString();
        }
        Step(); // first call may create lazily cached tensors
        var before = Tensor.LiveCount;
        for (var i = 0; i < 5; i++) Step();
        Assert.Equal(before, Tensor.LiveCount);
    }

    [Fact]
    public void ScopesNestAndMoveTensorsOut()
    {
        var before = Tensor.LiveCount;
        Tensor kept;
        using (torch.NewDisposeScope())
        {
            using (torch.NewDisposeScope())
            {
                var a = torch.Ones(3);
                kept = (a * 2).MoveToOuterDisposeScope();
            }
            Assert.False(kept.IsDisposed);
            Assert.Equal(before + 1, Tensor.LiveCount);
        }
        Assert.True(kept.IsDisposed); // the outer scope took it and freed it
        Assert.Equal(before, Tensor.LiveCount);
        Tensor detached;
        using (torch.NewDisposeScope()) detached = torch.Zeros(2).DetachFromDisposeScope();
        Assert.False(detached.IsDisposed);
        detached.Dispose();
        Assert.Equal(before, Tensor.LiveCount);
    }

    [Fact]
    public void TheFinalizerFreesUnreachableTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Tensor.LiveCount;
        MakeGarbage();
        Assert.Equal(before + 100, Tensor.LiveCount);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(before, Tensor.LiveCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MakeGarbage()
    {
        for (var i = 0; i < 100; i++) _ = torch.Ones(10);
    }
}
