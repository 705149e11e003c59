using System.Diagnostics;
using System.Globalization;
using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Transforms;
using GamesDcgan = GameDrift.Games.ImageGans.Dcgan;

namespace GameDrift.Bench;

/// <summary>The cost of one step with each regulariser relative to a plain step, on the library's DCGAN
/// (games/ImageGans/Dcgan.cs: 32x32x3, batch 64) as a <see cref="GanGame"/> under the <see cref="Simultaneous"/> scheme
/// with plain SGD, non-saturating loss, random data. Every variant owns an identically seeded copy of the networks;
/// the timed steps are interleaved round by round (the starting variant rotates), so all variants share the
/// machine's load. Prints, per variant, the median step time and the median over rounds of its ratio to the plain
/// step of the same round.</summary>
internal static class RegulariserCost
{
    private static readonly (string Name, string Spec)[] Variants =
    {
        ("plain", "none"), ("cancel-interaction", "cancel-interaction"), ("cancel-all", "cancel-interaction,cancel-self"),
        ("co", "co=0.1"), ("sga", "sga=0.1"), ("r1", "r1=0.1"), ("r2", "r2=0.1"), ("wgan-gp", "wgan-gp=10"),
    };

    public static void Run(int warmup, int rounds)
    {
        var inv = CultureInfo.InvariantCulture;
        using var data = new Generator(1);
        using var real = torch.Randn(new long[] { 64, 3, 32, 32 }, data).Clamp(-1, 1);
        var runs = Variants.Select(v => new VariantRun(v.Spec, real)).ToArray();
        foreach (var r in runs) for (int i = 0; i < warmup; i++) r.Step();
        var ms = runs.Select(_ => new List<double>()).ToArray();
        var sw = new Stopwatch();
        for (int round = 0; round < rounds; round++)
            for (int k = 0; k < runs.Length; k++)
            {
                int v = (k + round) % runs.Length;
                sw.Restart();
                runs[v].Step();
                sw.Stop();
                ms[v].Add(sw.Elapsed.TotalMilliseconds);
            }
        for (int v = 0; v < runs.Length; v++)
        {
            var ratio = Median(ms[v].Zip(ms[0], (a, b) => a / b).ToList());
            Console.WriteLine(string.Format(inv, "reg_{0}_step_ms: {1:F1}", Variants[v].Name, Median(ms[v])));
            Console.WriteLine(string.Format(inv, "reg_{0}_ratio_to_plain: {1:F2}", Variants[v].Name, ratio));
        }
        Console.WriteLine($"reg_rounds: {rounds}");
        Console.WriteLine($"reg_warmup: {warmup}");
        Console.WriteLine($"threads: {torch.NumThreads}");
        foreach (var r in runs) r.Dispose();
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private sealed class VariantRun : IDisposable
    {
        private readonly Module gen, disc;
        private readonly Generator latents = new(2), penalty = new(3);
        private readonly Simultaneous scheme;

        public VariantRun(string spec, Tensor real)
        {
            using (var init = new Generator(0))
            {
                gen = GamesDcgan.Generator32(rng: init);
                disc = GamesDcgan.Discriminator32(rng: init);
            }
            var game = new GanGame(disc.Forward, disc.Parameters(), gen.Forward, gen.Parameters(), GanLoss.NonSaturating);
            var batches = new BatchSource(() => new GameBatch(real, torch.Randn(new long[] { 64, 128 }, latents)));
            var regularisers = RegulariserRegistry.Parse(spec, penalty);
            scheme = new Simultaneous(game, Chain.Of(regularisers, OptimizerAdapter.Sgd(disc.Parameters(), 0.01)),
                Chain.Of(regularisers, OptimizerAdapter.Sgd(gen.Parameters(), 0.01)), batches);
        }

        public void Step() => scheme.Step().Dispose();

        public void Dispose()
        {
            gen.Dispose();
            disc.Dispose();
            latents.Dispose();
            penalty.Dispose();
        }
    }
}
