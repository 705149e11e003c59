namespace GameDrift.Games;

/// <summary>A toy GAN whose real and generated samples carry Gaussian instance noise of standard deviation
/// <see cref="NoiseStd"/>, with the expectation over the noise taken inside its losses and field ([M18] §3, spec §7.5).</summary>
public interface IInstanceNoiseGame : IVectorFieldGame
{
    double NoiseStd { get; }
}
