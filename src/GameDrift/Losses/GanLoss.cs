using GameDrift.Torch;

namespace GameDrift.Losses;

/// <summary>A GAN loss pair from discriminator logits, in the spec's convention (§1.1, §4.3, §6.4): L1 is the
/// discriminator's loss and L2 the generator's, both minimised.</summary>
public abstract class GanLoss
{
    /// <summary>Zero-sum (minimax) GAN: <c>L1 = mean softplus(-D(x)) + mean softplus(D(G(z)))</c>,
    /// <c>L2 = -mean softplus(D(G(z))) = E log(1 - D(G(z)))</c> (code: <c>generator_saturating_loss</c>).</summary>
    public static GanLoss Saturating { get; } = new SaturatingLoss();

    /// <summary>Non-saturating GAN: L1 as <see cref="Saturating"/>, <c>L2 = mean softplus(-D(G(z))) = -E log D(G(z))</c>.</summary>
    public static GanLoss NonSaturating { get; } = new NonSaturatingLoss();

    /// <summary>Hinge: <c>L1 = mean relu(1 - D(x)) + mean relu(1 + D(G(z)))</c>, <c>L2 = -mean D(G(z))</c>.</summary>
    public static GanLoss Hinge { get; } = new HingeLoss();

    /// <summary>Wasserstein: <c>L1 = mean D(G(z)) - mean D(x)</c>, <c>L2 = -mean D(G(z))</c>.</summary>
    public static GanLoss Wasserstein { get; } = new WassersteinLoss();

    public abstract string Name { get; }

    /// <summary>True when the game is zero-sum up to a term that depends on the data only (no theta), so
    /// L2 = -L1 for every gradient the drift terms use (spec §4.2, §4.3).</summary>
    public abstract bool IsZeroSum { get; }

    /// <summary>(L1, L2) from the logits on real and on generated samples.</summary>
    public abstract (Tensor L1, Tensor L2) Compute(Tensor realLogits, Tensor fakeLogits);

    /// <summary>The loss for a command-line name: saturating, non-saturating, hinge, wasserstein.</summary>
    public static GanLoss Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "saturating" or "minimax" or "zero-sum" => Saturating,
        "non-saturating" or "ns" => NonSaturating,
        "hinge" => Hinge,
        "wasserstein" or "wgan" => Wasserstein,
        _ => throw new ArgumentException($"unknown GAN loss '{name}' (known: saturating, non-saturating, hinge, wasserstein)"),
    };

    public override string ToString() => Name;

    // Goodfellow discriminator loss: -E log sigma(D(x)) - E log(1 - sigma(D(G(z)))).
    private static Tensor DiscriminatorGoodfellow(Tensor real, Tensor fake) =>
        (-real).Softplus().Mean() + fake.Softplus().Mean();

    private sealed class SaturatingLoss : GanLoss
    {
        public override string Name => "saturating";
        public override bool IsZeroSum => true;
        public override (Tensor L1, Tensor L2) Compute(Tensor real, Tensor fake) =>
            (DiscriminatorGoodfellow(real, fake), -fake.Softplus().Mean());
    }

    private sealed class NonSaturatingLoss : GanLoss
    {
        public override string Name => "non-saturating";
        public override bool IsZeroSum => false;
        public override (Tensor L1, Tensor L2) Compute(Tensor real, Tensor fake) =>
            (DiscriminatorGoodfellow(real, fake), (-fake).Softplus().Mean());
    }

    private sealed class HingeLoss : GanLoss
    {
        public override string Name => "hinge";
        public override bool IsZeroSum => false;
        public override (Tensor L1, Tensor L2) Compute(Tensor real, Tensor fake) =>
            ((1.0 - real).Relu().Mean() + (1.0 + fake).Relu().Mean(), -fake.Mean());
    }

    private sealed class WassersteinLoss : GanLoss
    {
        public override string Name => "wasserstein";
        public override bool IsZeroSum => true;
        public override (Tensor L1, Tensor L2) Compute(Tensor real, Tensor fake) =>
            (fake.Mean() - real.Mean(), -fake.Mean());
    }
}
