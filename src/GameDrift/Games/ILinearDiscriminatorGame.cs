namespace GameDrift.Games;

/// <summary>A toy GAN whose discriminator is linear in its input, D(x) = phi · x (the Dirac-GAN, spec §7.1), so
/// grad_x D = phi at every x: R1 and R2 both equal gamma/2 |phi|^2 and add -gamma phi to the field f (§7.5).
/// Games without a discriminator (bilinear, rotational, general-sum) do not implement it and reject R1/R2.</summary>
public interface ILinearDiscriminatorGame : IVectorFieldGame
{
}
