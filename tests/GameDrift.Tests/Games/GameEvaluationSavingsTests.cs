using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Tests.Games;

/// <summary>The shortcuts a step takes must not change what it computes: per-player backward passes, the zero-sum
/// mirror grad_theta L2 = -grad_theta L1, and the joint discriminator pass on [real; fake].</summary>
public class GameEvaluationSavingsTests
{
    private sealed class Nets : IDisposable
    {
        public readonly Module G, D;
        public readonly GameBatch Batch;

        public Nets(ulong seed)
        {
            using var rng = new Generator(seed);
            G = new Sequential(new Linear(2, 3, generator: rng), new Tanh());
            D = new Sequential(new Linear(3, 5, generator: rng), new Tanh(), new Linear(5, 1, generator: rng));
            G.To(ScalarType.Float64);
            D.To(ScalarType.Float64);
            Batch = new GameBatch(torch.Randn(new long[] { 6, 3 }, rng, ScalarType.Float64), torch.Randn(new long[] { 6, 2 }, rng, ScalarType.Float64));
        }

        public GanGame Game(GanLoss loss, bool joint = false) =>
            new(D.Forward, D.Parameters(), G.Forward, G.Parameters(), loss, joint);

        public void Dispose()
        {
            G.Dispose();
            D.Dispose();
        }
    }

    private static double[] Flat(IReadOnlyList<Tensor> ts) => ts.SelectMany(t => t.Detach().Flatten().ToArray<double>()).ToArray();

    private static void Close(IReadOnlyList<Tensor> a, IReadOnlyList<Tensor> b, double tol = 1e-12)
    {
        var (x, y) = (Flat(a), Flat(b));
        Assert.Equal(x.Length, y.Length);
        for (var i = 0; i < x.Length; i++) Assert.True(Math.Abs(x[i] - y[i]) <= tol * (1 + Math.Abs(y[i])), $"entry {i}: {x[i]} vs {y[i]}");
        Assert.Contains(y, v => v != 0); // not vacuous
    }

    /// <summary>Reference gradients straight from autograd, one backward pass per (loss, player).</summary>
    private static IReadOnlyList<Tensor> Direct(GameEvaluation ev, int loss, PlayerRole wrt)
    {
        var ps = ev.Parameters(wrt);
        return Autograd.Grad(loss == 1 ? ev.Losses.L1 : ev.Losses.L2, ps, retainGraph: true).Select(g => g!).ToArray();
    }

    [Theory]
    [InlineData("saturating", true)]
    [InlineData("saturating", false)]
    [InlineData("non-saturating", true)]
    [InlineData("non-saturating", false)]
    public void EveryGradientBlockMatchesAutogradWhateverTheOrderAndMode(string loss, bool bothBlocks)
    {
        using var scope = torch.NewDisposeScope();
        using var nets = new Nets(3);
        var game = nets.Game(GanLoss.Parse(loss));
        // Ask for theta's own gradient first, then L1's blocks: the zero-sum mirror (saturating) answers grad_theta L1.
        var ev = new GameEvaluation(game, game.DiscriminatorParameters, game.GeneratorParameters, nets.Batch, createGraph: true, bothBlocks);
        foreach (var (l, p) in new[] { (2, PlayerRole.Theta), (1, PlayerRole.Phi), (1, PlayerRole.Theta), (2, PlayerRole.Phi) })
            Close(ev.Gradient(l, p), Direct(ev, l, p));
    }

    [Fact]
    public void InteractionTermsAreUnchangedByTheZeroSumMirror()
    {
        using var scope = torch.NewDisposeScope();
        using var nets = new Nets(5);
        var game = nets.Game(GanLoss.Saturating);
        var ev = new GameEvaluation(game, game.DiscriminatorParameters, game.GeneratorParameters, nets.Batch, createGraph: true);
        var phi = ev.Term(GradientTerm.OtherDotProduct, PlayerRole.Phi, TermEstimator.SameBatch);
        var theta = ev.Term(GradientTerm.OtherDotProduct, PlayerRole.Theta, TermEstimator.SameBatch);

        // By hand: grad_phi <grad_theta L1, sg grad_theta L2> and grad_theta <grad_phi L2, sg grad_phi L1>, every
        // first-order gradient by its own backward pass.
        var (l1, l2) = ev.Losses;
        IReadOnlyList<Tensor> P = game.DiscriminatorParameters, T = game.GeneratorParameters;
        Tensor[] G(Tensor l, IReadOnlyList<Tensor> ps, bool graph) => Autograd.Grad(l, ps, retainGraph: true, createGraph: graph).Select(g => g!).ToArray();
        Tensor Dot(Tensor[] a, Tensor[] b) => a.Zip(b, (x, y) => (x * y.Detach()).Sum()).Aggregate((x, y) => x + y);
        Close(phi, G(Dot(G(l1, T, true), G(l2, T, false)), P, false), 1e-10);
        Close(theta, G(Dot(G(l2, P, true), G(l1, P, false)), T, false), 1e-10);
    }

    [Theory]
    [InlineData("saturating")]
    [InlineData("hinge")]
    public void JointDiscriminatorPassGivesTheSameLossesAndGradients(string loss)
    {
        using var scope = torch.NewDisposeScope();
        using var nets = new Nets(7);
        var (game, jointGame) = (nets.Game(GanLoss.Parse(loss)), nets.Game(GanLoss.Parse(loss), joint: true));
        var separate = new GameEvaluation(game, game.DiscriminatorParameters, game.GeneratorParameters, nets.Batch, createGraph: false);
        var joint = new GameEvaluation(jointGame, jointGame.DiscriminatorParameters, jointGame.GeneratorParameters, nets.Batch, createGraph: false);
        Assert.Equal(separate.Losses.L1.ToDouble(), joint.Losses.L1.ToDouble(), 12);
        Assert.Equal(separate.Losses.L2.ToDouble(), joint.Losses.L2.ToDouble(), 12);
        Close(joint.Gradient(1, PlayerRole.Phi), separate.Gradient(1, PlayerRole.Phi));
        Close(joint.Gradient(2, PlayerRole.Theta), separate.Gradient(2, PlayerRole.Theta));
    }

    [Fact]
    public void GeneratorOutputThatDoesNotFitTheDataIsAClearError()
    {
        using var scope = torch.NewDisposeScope();
        using var nets = new Nets(1);
        var game = nets.Game(GanLoss.Saturating, joint: true);
        var wrong = new GameBatch(torch.Zeros(new long[] { 6, 4 }, ScalarType.Float64), nets.Batch.Latents);
        var e = Assert.Throws<InvalidOperationException>(() => game.Losses(game.DiscriminatorParameters, game.GeneratorParameters, wrong));
        Assert.Contains("[3]", e.Message);
        Assert.Contains("[4]", e.Message);
    }
}
