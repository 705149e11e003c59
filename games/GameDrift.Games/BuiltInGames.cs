using GameDrift.Games.ImageGans;
using GameDrift.Games.Mixture;
using GameDrift.Games.Toys;
using GameDrift.Training;

namespace GameDrift.Games;

/// <summary>Registers every built-in game of the trainer with <see cref="GameFactory"/> under the names configs use:
/// the image GANs, the Dirac-GAN as a GAN (<c>dirac-gan</c>) and the differentiable toy games (<c>toy-NAME</c>, see
/// <see cref="ToyTraining"/>) and the ring of Gaussians (<c>ring-of-gaussians</c>, from the config's ring keys; also
/// `gamedrift mog`).</summary>
public static class BuiltInGames
{
    public static void Register()
    {
        ImageGanGames.Register();
        ToyTraining.Register();
        GameFactory.Register(MogRun.GameName, c => MogRun.Game(c));
    }
}
