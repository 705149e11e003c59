using GameDrift.Games;

namespace GameDrift.Regularisers;

internal static class RegulariserChecks
{
    public static double NonNegative(double value, string what) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(what, value, $"{what} must be finite and >= 0");

    public static void Differentiable(ITwoPlayerGame game, string name)
    {
        if (game is not IDifferentiableGame) throw new InvalidOperationException($"{name} needs a differentiable game (losses L1, L2)");
    }

    public static IDiscriminatorGame Discriminator(ITwoPlayerGame game, string name) =>
        game as IDiscriminatorGame ?? throw new InvalidOperationException($"{name} needs a GAN game (a discriminator as a function of its input)");
}
