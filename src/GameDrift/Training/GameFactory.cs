using System.Collections.Concurrent;

namespace GameDrift.Training;

/// <summary>Maps a config's <c>game</c> name to its networks. The built-in image GANs register themselves from the
/// games assembly (<c>BuiltInGames.Register()</c>); users add their own with <see cref="Register"/>.</summary>
public static class GameFactory
{
    private static readonly ConcurrentDictionary<string, GameDefinition> Games = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds or replaces the game called <paramref name="name"/>.</summary>
    public static void Register(string name, GameDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a game needs a name", nameof(name));
        Games[name] = definition ?? throw new ArgumentNullException(nameof(definition));
    }

    public static IReadOnlyCollection<string> Names => Games.Keys.Order().ToArray();

    public static GameDefinition Get(string name) => Games.TryGetValue(name, out var d) ? d
        : throw new ArgumentException($"config key 'game': unknown game '{name}' (registered: {string.Join(", ", Names)})");
}
