namespace GameDrift.Training.Networks;

/// <summary>
/// The entry point of a researcher's own networks. A config's <c>networks:</c> names a project (.csproj) or a built
/// assembly (.dll); GameDrift loads it and calls <see cref="Register"/> on every public class implementing this
/// interface (with a parameterless constructor), which registers games with <see cref="GameFactory.Register"/>:
/// <code>
/// public sealed class MyGames : IGameRegistration
/// {
///     public void Register() => GameFactory.Register("my-gan", new GameDefinition(
///         CreateGenerator: (config, rng) => new MyGenerator(config.LatentDim, rng),
///         CreateDiscriminator: (config, rng) => new MyDiscriminator(rng)));
/// }
/// </code>
/// Then <c>game: my-gan</c> works in every command: train, eval, export, sweep (workers and Slurm jobs), demo.
/// </summary>
public interface IGameRegistration
{
    void Register();
}
