using GameDrift.Losses;
using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A GAN as a two-player game: phi = the discriminator, theta = the generator (spec §1.1).
/// <code>var game = new GanGame(disc.Forward, disc.Parameters(), gen.Forward, gen.Parameters(), GanLoss.Saturating);</code>
/// The batch must carry real data and latents. The discriminator is exposed as a function of its input
/// for the gradient penalties (R1, R2, WGAN-GP).</summary>
public sealed class GanGame : DifferentiableGame, IDiscriminatorGame
{
    /// <param name="jointDiscriminatorPass">evaluate D once on [real; fake] rather than twice: fewer, larger kernels
    /// and one spectral-norm power iteration per evaluation (the paper's code iterates once per update), the same
    /// logits when D treats samples independently (never with BatchNorm in D). Off by default: a backward pass that
    /// needs the fake half only (the generator's loss) then runs through D at twice the width, which costs more than
    /// the larger kernels save on the CPU (bench/README.md).</param>
    public GanGame(Func<Tensor, Tensor> discriminator, IEnumerable<Tensor> discriminatorParameters,
        Func<Tensor, Tensor> generator, IEnumerable<Tensor> generatorParameters, GanLoss loss, bool jointDiscriminatorPass = false)
        : base(new Player("discriminator", discriminatorParameters), new Player("generator", generatorParameters))
    {
        Discriminator = discriminator ?? throw new ArgumentNullException(nameof(discriminator));
        Generator = generator ?? throw new ArgumentNullException(nameof(generator));
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));
        JointDiscriminatorPass = jointDiscriminatorPass;
    }

    public bool JointDiscriminatorPass { get; }

    /// <summary>Logits D(x) for a batch of inputs.</summary>
    public Func<Tensor, Tensor> Discriminator { get; }
    /// <summary>Samples G(z) for a batch of latents.</summary>
    public Func<Tensor, Tensor> Generator { get; }
    public GanLoss Loss { get; }

    public override bool IsZeroSum => Loss.IsZeroSum;

    public override (Tensor L1, Tensor L2) Losses(GameBatch batch)
    {
        var (real, latents) = Require(batch);
        var fake = Generator(latents);
        if (!real.Shape.AsSpan(1).SequenceEqual(fake.Shape.AsSpan(1)))
            throw new InvalidOperationException($"the generator makes samples of shape [{string.Join(", ", fake.Shape[1..])}] " +
                $"but the real data have shape [{string.Join(", ", real.Shape[1..])}]: the data set does not fit the networks");
        if (!JointDiscriminatorPass) return Loss.Compute(Discriminator(real), Discriminator(fake));
        var n = real.Size(0);
        var logits = Discriminator(torch.Cat(new[] { real, fake }, 0));
        return Loss.Compute(logits.Narrow(0, 0, n), logits.Narrow(0, n, logits.Size(0) - n));
    }

    Tensor IDiscriminatorGame.Discriminator(Tensor x) => Discriminator(x);

    public Tensor Real(GameBatch batch) => Require(batch).Real;

    public Tensor Fake(GameBatch batch)
    {
        using var _ = torch.NoGrad();
        return Generator(Require(batch).Latents);
    }

    /// <summary>The batch's real data and latents, or a clear error when one is missing.</summary>
    public static (Tensor Real, Tensor Latents) Require(GameBatch batch) =>
        (batch.Real ?? throw new InvalidOperationException("a GAN batch needs real data (GameBatch.Real)"),
         batch.Latents ?? throw new InvalidOperationException("a GAN batch needs latents (GameBatch.Latents)"));
}
