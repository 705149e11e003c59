using GameDrift.Training.Networks;

namespace OwnNetworks;

/// <summary>The entry point GameDrift calls when a config names this project (<c>networks: OwnNetworks.csproj</c>):
/// it registers <c>game: own-mlp-gan</c>, so train, eval, export, sweep and demo run these networks like a built-in game.</summary>
public sealed class OwnGames : IGameRegistration
{
    public void Register() => RunnerTraining.Register();
}
