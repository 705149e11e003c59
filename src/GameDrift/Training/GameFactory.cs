using System.Collections.Concurrent;

namespace GameDrift.Training;

/// <summary>Maps a config's <c>game</c> name to its networks. The built-in games register themselves from the
/// games assembly (<c>BuiltInGames.Register()</c>); users add their own with <see cref="Register(string, GameDefinition)"/>.</summary>
public static class GameFactory
{
    private static readonly ConcurrentDictionary<string, Func<RunConfig, GameDefinition>> Games = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds or replaces the game called <paramref name="name"/>.</summary>
    public static void Register(string name, GameDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Register(name, _ => definition);
    }

    /// <summary>Adds or replaces the game called <paramref name="name"/>, built from the run's config (a game whose data
    /// or players have settings of their own, such as the ring of Gaussians).</summary>
    public static void Register(string name, Func<RunConfig, GameDefinition> definition)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a game needs a name", nameof(name));
        Games[name] = definition ?? throw new ArgumentNullException(nameof(definition));
    }

    public static IReadOnlyCollection<string> Names => Games.Keys.Order().ToArray();

    /// <summary>The game called <paramref name="name"/>, for <paramref name="config"/> (default settings when null).</summary>
    public static GameDefinition Get(string name, RunConfig? config = null) => Games.TryGetValue(name, out var d) ? d(config ?? new RunConfig())
        : throw new ArgumentException($"config key 'game': unknown game '{name}' (registered: {string.Join(", ", Names)})");
}
