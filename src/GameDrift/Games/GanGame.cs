using GameDrift.Losses;
using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A GAN as a two-player game: phi = the discriminator's parameters, theta = the generator's (spec §1.1).
/// <code>var game = new GanGame(disc.Forward, disc.Parameters(), gen.Forward, gen.Parameters(), GanLoss.Saturating);</code>
/// The batch must carry real data and latents. The discriminator is exposed as a function of its input for the gradient
/// penalties (R1, R2, WGAN-GP). D and G read their own parameters (the lists given here); evaluated at other tensors, the
/// game calls them functionally (<see cref="Tensor.Substitute"/>: they compute at those tensors, and gradients are
/// theirs), so a GAN is a function of its players' parameters like every game.</summary>
public sealed class GanGame : IDiscriminatorGame
{
    /// <param name="jointDiscriminatorPass">evaluate D once on [real; fake] rather than twice: fewer, larger kernels
    /// and one spectral-norm power iteration per evaluation (the paper's code iterates once per update), the same
    /// logits when D treats samples independently (never with BatchNorm in D). Off by default: a backward pass that
    /// needs the fake half only (the generator's loss) then runs through D at twice the width, which costs more than
    /// the larger kernels save on the CPU (bench/README.md).</param>
    public GanGame(Func<Tensor, Tensor> discriminator, IEnumerable<Tensor> discriminatorParameters,
        Func<Tensor, Tensor> generator, IEnumerable<Tensor> generatorParameters, GanLoss loss, bool jointDiscriminatorPass = false)
    {
        Discriminator = discriminator ?? throw new ArgumentNullException(nameof(discriminator));
        Generator = generator ?? throw new ArgumentNullException(nameof(generator));
        DiscriminatorParameters = Parameters(discriminatorParameters, "discriminator");
        GeneratorParameters = Parameters(generatorParameters, "generator");
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));
        JointDiscriminatorPass = jointDiscriminatorPass;
    }

    public bool JointDiscriminatorPass { get; }

    /// <summary>Logits D(x) for a batch of inputs, at D's own parameters.</summary>
    public Func<Tensor, Tensor> Discriminator { get; }
    /// <summary>Samples G(z) for a batch of latents, at G's own parameters.</summary>
    public Func<Tensor, Tensor> Generator { get; }
    /// <summary>The tensors D reads (phi, e.g. a module's <c>Parameters()</c>), in order.</summary>
    public IReadOnlyList<Tensor> DiscriminatorParameters { get; }
    /// <summary>The tensors G reads (theta), in order.</summary>
    public IReadOnlyList<Tensor> GeneratorParameters { get; }
    public GanLoss Loss { get; }

    public bool IsZeroSum => Loss.IsZeroSum;

    public (Tensor L1, Tensor L2) Losses(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, GameBatch batch)
    {
        var (real, latents) = Require(batch);
        using var at = At(phi, theta);
        var fake = Generator(latents);
        if (!real.Shape.AsSpan(1).SequenceEqual(fake.Shape.AsSpan(1)))
            throw new InvalidOperationException($"the generator makes samples of shape [{string.Join(", ", fake.Shape[1..])}] " +
                $"but the real data have shape [{string.Join(", ", real.Shape[1..])}]: the data set does not fit the networks");
        if (!JointDiscriminatorPass) return Loss.Compute(Discriminator(real), Discriminator(fake));
        var n = real.Size(0);
        var logits = Discriminator(torch.Cat(new[] { real, fake }, 0));
        return Loss.Compute(logits.Narrow(0, 0, n), logits.Narrow(0, n, logits.Size(0) - n));
    }

    Tensor IDiscriminatorGame.Discriminator(IReadOnlyList<Tensor> phi, Tensor x)
    {
        using var at = At(phi, GeneratorParameters);
        return Discriminator(x);
    }

    public Tensor Real(IReadOnlyList<Tensor> phi, GameBatch batch) => Require(batch).Real;

    public Tensor Fake(IReadOnlyList<Tensor> theta, GameBatch batch)
    {
        using var _ = torch.NoGrad();
        using var at = At(DiscriminatorParameters, theta);
        return Generator(Require(batch).Latents);
    }

    /// <summary>The batch's real data and latents, or a clear error when one is missing.</summary>
    public static (Tensor Real, Tensor Latents) Require(GameBatch batch) =>
        (batch.Real ?? throw new InvalidOperationException("a GAN batch needs real data (GameBatch.Real)"),
         batch.Latents ?? throw new InvalidOperationException("a GAN batch needs latents (GameBatch.Latents)"));

    // D and G at (phi, theta): nothing to do at their own parameters (training's every step), a functional call elsewhere.
    private IDisposable? At(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta)
    {
        bool ownPhi = Same(phi, DiscriminatorParameters), ownTheta = Same(theta, GeneratorParameters);
        if (ownPhi && ownTheta) return null;
        Check(phi, DiscriminatorParameters, "discriminator");
        Check(theta, GeneratorParameters, "generator");
        return Tensor.Substitute([.. DiscriminatorParameters, .. GeneratorParameters], [.. phi, .. theta]);
    }

    private static bool Same(IReadOnlyList<Tensor> a, IReadOnlyList<Tensor> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (!ReferenceEquals(a[i], b[i])) return false;
        return true;
    }

    private static void Check(IReadOnlyList<Tensor> given, IReadOnlyList<Tensor> own, string player)
    {
        if (given.Count != own.Count)
            throw new ArgumentException($"the {player} reads {own.Count} parameter tensors, but {given.Count} were given " +
                "(train the player's parameters as the game was built with them, e.g. the module's Parameters())");
    }

    private static IReadOnlyList<Tensor> Parameters(IEnumerable<Tensor> parameters, string player)
    {
        var list = parameters?.ToArray() ?? throw new ArgumentNullException(player + "Parameters");
        return list.Length > 0 ? list : throw new ArgumentException($"the {player} has no parameters");
    }
}
