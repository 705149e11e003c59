using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Tests.Games;

/// <summary>A GAN is a function of its players' parameters like every game: evaluated at other tensors than its networks'
/// own, it is the GAN whose networks hold those tensors (losses, gradients, double-backprop terms, gradient penalties), the
/// gradients are the given tensors', and the networks are left as they were.</summary>
public class FunctionalGanTests
{
    private static (Module D, Module G, GanGame Game, GameBatch Batch) Build(ulong seed)
    {
        using var rng = new Generator(seed);
        var g = new Sequential(new Linear(2, 4, generator: rng), new Tanh(), new Linear(4, 3, generator: rng));
        var d = new Sequential(SpectralNorm.Apply(new Linear(3, 5, generator: rng), generator: rng), new LeakyReLU(0.2), new Linear(5, 1, generator: rng));
        g.To(ScalarType.Float64);
        d.To(ScalarType.Float64);
        var batch = new GameBatch(torch.Randn(new long[] { 8, 3 }, rng, ScalarType.Float64), torch.Randn(new long[] { 8, 2 }, rng, ScalarType.Float64));
        return (d, g, new GanGame(d.Forward, d.Parameters(), g.Forward, g.Parameters(), GanLoss.NonSaturating), batch);
    }

    private static Tensor[] Shifted(IReadOnlyList<Tensor> ps, ulong seed)
    {
        using var rng = new Generator(seed);
        return ps.Select(p => (p.Detach() + 0.3 * torch.Randn(p.Shape, rng, p.DType)).RequiresGrad_()).ToArray();
    }

    private static double[] Flat(IEnumerable<Tensor> ts) => ts.SelectMany(t => t.Detach().Flatten().ToArray<double>()).ToArray();

    private static double[] Everything(GameEvaluation ev)
    {
        var (l1, l2) = ev.Losses;
        var values = new List<double> { l1.ToDouble(), l2.ToDouble() };
        foreach (var p in new[] { PlayerRole.Phi, PlayerRole.Theta })
        {
            values.AddRange(Flat(ev.Gradient(1, p)));
            values.AddRange(Flat(ev.Gradient(2, p)));
            values.AddRange(Flat(ev.Term(GradientTerm.OtherDotProduct, p, TermEstimator.SameBatch)));
        }
        values.AddRange(Flat(new R1Penalty(2).Gradient(ev, new SchemeInfo(SchemeKind.Simultaneous, 0.1, 0.1), PlayerRole.Phi)!));
        return values.ToArray();
    }

    [Fact]
    public void AGanAtOtherParametersIsTheGanWithThoseParameters()
    {
        using var scope = torch.NewDisposeScope();
        var (d, g, game, batch) = Build(11);
        using (d)
        using (g)
        {
            var own = Flat(game.DiscriminatorParameters.Concat(game.GeneratorParameters));
            var (phi, theta) = (Shifted(game.DiscriminatorParameters, 1), Shifted(game.GeneratorParameters, 2));
            // Spectral norm's power iteration updates its buffers at every forward pass: both evaluations start from the same u.
            var u = d.Buffers().Select(b => b.Clone()).ToArray();
            var functional = Everything(new GameEvaluation(game, phi, theta, batch, createGraph: true));
            Assert.Equal(own, Flat(game.DiscriminatorParameters.Concat(game.GeneratorParameters)));

            using (torch.NoGrad())
            {
                foreach (var (p, v) in game.DiscriminatorParameters.Zip(phi).Concat(game.GeneratorParameters.Zip(theta))) p.Copy_(v);
                foreach (var (b, v) in d.Buffers().Zip(u)) b.Copy_(v);
            }
            var copied = Everything(new GameEvaluation(game, game.DiscriminatorParameters, game.GeneratorParameters, batch, createGraph: true));
            TestGames.Approx.Equal(copied, functional, 1e-12, "functional call vs parameters copied in");
        }
    }

    [Fact]
    public void AParameterListThatDoesNotFitTheNetworkIsRefusedByName()
    {
        using var scope = torch.NewDisposeScope();
        var (d, g, game, batch) = Build(3);
        using (d)
        using (g)
        {
            var e = Assert.Throws<ArgumentException>(() => game.Losses(game.DiscriminatorParameters.Take(2).ToArray(), game.GeneratorParameters, batch));
            Assert.Contains("discriminator", e.Message);
        }
    }
}
