namespace GameDrift.Games.Toys;

/// <summary>The choices of the GAN function f for the Dirac-GAN (spec §7.1, §7.5).</summary>
public enum DiracLoss
{
    /// <summary>Standard (saturating, zero-sum) GAN, f(t) = log sigmoid(t): E = log(1 - sigmoid(phi*theta)) - log 2.</summary>
    Standard,
    /// <summary>Non-saturating GAN: the generator minimises -log sigmoid(phi*theta) instead of E (general-sum).</summary>
    NonSaturating,
    /// <summary>WGAN, f(t) = t: E = -phi*theta (no weight clipping; the field is linear).</summary>
    Wasserstein,
}
