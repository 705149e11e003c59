using GameDrift.Games;
using GameDrift.ToyRuns;

namespace GameDrift.Games.Toys;

/// <summary>The toy games by name, as used on the command line.</summary>
public static class ToyGames
{
    /// <summary>Every name <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        new[] { "dirac", "dirac-ns", "dirac-wgan", "bilinear", "rotational", "general-sum" };

    /// <summary>The toy game called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static IVectorFieldGame Create(string name, ToyGameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        options ??= new ToyGameOptions();
        return name.Trim().ToLowerInvariant() switch
        {
            "dirac" => new DiracGan(DiracLoss.Standard),
            "dirac-ns" => new DiracGan(DiracLoss.NonSaturating),
            "dirac-wgan" => new DiracGan(DiracLoss.Wasserstein),
            "bilinear" => options.Coupling is null ? new BilinearGame() : new BilinearGame(options.Coupling),
            "rotational" => new RotationalGame(options.Epsilon1, options.Epsilon2),
            "general-sum" => new GeneralSumGame(),
            _ => throw new ArgumentException(
                $"unknown toy game '{name}'; known games: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    /// <summary>The game a toy regularisation runs on: the Dirac-GAN with instance noise when it asks for
    /// <c>instance-noise=SIGMA</c>, the game itself otherwise.</summary>
    public static IVectorFieldGame WithInstanceNoise(IVectorFieldGame game, GameDrift.ToyRuns.ToyRegularisation? regularisation)
    {
        if (regularisation is null || regularisation.InstanceNoise == 0) return game;
        return game is DiracGan dirac
            ? new InstanceNoiseDiracGan(regularisation.InstanceNoise, dirac.Loss)
            : throw new ArgumentException($"instance-noise: only the Dirac-GAN games have an instance-noise form (not '{game.Name}')");
    }
}
