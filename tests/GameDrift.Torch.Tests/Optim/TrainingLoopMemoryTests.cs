namespace GameDrift.Torch.Tests.Optim;

/// <summary>A long GAN-style loop must not accumulate tensors or memory: every step's temporaries die with its
/// dispose scope while parameters, buffers and optimiser state survive.</summary>
[Collection("Serial")]
public class TrainingLoopMemoryTests
{
    private static long RssBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [Fact]
    public void TwoThousandConvGanStepsKeepLiveTensorsAndMemoryFlat()
    {
        // Tensors this small gain nothing from intra-op threads, and on a busy machine the threads' waiting
        // dominates; the collection runs alone, so the setting affects no other test.
        var threads = torch.NumThreads;
        torch.NumThreads = 1;
        try { Run(); }
        finally { torch.NumThreads = threads; }
    }

    private static void Run()
    {
        var gen = new Generator(1);
        using var g = new nn.Sequential(
            new nn.ConvTranspose2d(4, 8, 4, generator: gen),                        // (N, 4, 1, 1) → (N, 8, 4, 4)
            new nn.BatchNorm2d(8),
            new nn.ReLU(),
            new nn.ConvTranspose2d(8, 1, 4, stride: 2, padding: 1, generator: gen), // → (N, 1, 8, 8)
            new nn.Tanh());
        using var d = new nn.Sequential(
            nn.SpectralNorm.Apply(new nn.Conv2d(1, 8, 4, stride: 2, padding: 1, generator: gen), generator: gen), // → (N, 8, 4, 4)
            new nn.LeakyReLU(0.2),
            new nn.Conv2d(8, 1, 4, generator: gen),                                  // → (N, 1, 1, 1)
            new nn.Flatten());
        using var optG = new optim.SGD(g.Parameters(), lr: 0.01, momentum: 0.5);
        using var optD = new optim.Adam(d.Parameters(), lr: 1e-3, betas: (0.5, 0.999));
        var dParams = d.Parameters().ToList();
        using var real = torch.Randn(new long[] { 8, 1, 8, 8 }, gen).Tanh().DetachFromDisposeScope();

        void Step()
        {
            using var scope = torch.NewDisposeScope();
            var fake = g.Forward(torch.Randn(new long[] { 8, 4, 1, 1 }, gen));
            var realLogits = d.Forward(real);
            var fakeLogits = d.Forward(fake.Detach());
            var lossD = nn.functional.BinaryCrossEntropyWithLogits(realLogits, torch.OnesLike(realLogits))
                + nn.functional.BinaryCrossEntropyWithLogits(fakeLogits, torch.ZerosLike(fakeLogits));
            optD.Step(Autograd.Grad(lossD, dParams)); // the discriminator: gradients computed by the caller

            optG.ZeroGrad();
            var logits = d.Forward(fake);
            nn.functional.BinaryCrossEntropyWithLogits(logits, torch.OnesLike(logits)).Backward();
            optG.Step(); // the generator: from .Grad
            d.ZeroGrad();
        }

        for (var i = 0; i < 200; i++) Step();
        Collect();
        var live = Tensor.LiveCount;
        var rss = RssBytes();
        for (var i = 0; i < 1800; i++) Step();
        Collect();

        Assert.Equal(live, Tensor.LiveCount);
        var growth = RssBytes() - rss;
        Assert.True(growth < 50L << 20, $"RSS grew by {growth >> 20} MB over 1800 steps");
        Assert.Equal(2000L, g.GetBuffer("1.num_batches_tracked").ToInt64());
        Assert.True(g.Parameters().Concat(d.Parameters()).All(p => p.IsFinite().All().ToBoolean()));
    }
}
