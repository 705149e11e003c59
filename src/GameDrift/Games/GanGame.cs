using GameDrift.Losses;
using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A GAN as a two-player game: phi = the discriminator, theta = the generator (spec §1.1).
/// <code>var game = new GanGame(disc.Forward, disc.Parameters(), gen.Forward, gen.Parameters(), GanLoss.Saturating);</code>
/// The batch must carry real data and latents. The discriminator is exposed as a function of its input
/// for the gradient penalties (R1, R2, WGAN-GP).</summary>
public sealed class GanGame : DifferentiableGame
{
    public GanGame(Func<Tensor, Tensor> discriminator, IEnumerable<Tensor> discriminatorParameters,
        Func<Tensor, Tensor> generator, IEnumerable<Tensor> generatorParameters, GanLoss loss)
        : base(new Player("discriminator", discriminatorParameters), new Player("generator", generatorParameters))
    {
        Discriminator = discriminator ?? throw new ArgumentNullException(nameof(discriminator));
        Generator = generator ?? throw new ArgumentNullException(nameof(generator));
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));
    }

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
        return Loss.Compute(Discriminator(real), Discriminator(fake));
    }

    /// <summary>The batch's real data and latents, or a clear error when one is missing.</summary>
    public static (Tensor Real, Tensor Latents) Require(GameBatch batch) =>
        (batch.Real ?? throw new InvalidOperationException("a GAN batch needs real data (GameBatch.Real)"),
         batch.Latents ?? throw new InvalidOperationException("a GAN batch needs latents (GameBatch.Latents)"));
}
