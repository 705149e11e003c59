using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>Which player: phi (player 1, the discriminator) or theta (player 2, the generator), spec §1.1.</summary>
public enum PlayerRole { Phi, Theta }

/// <summary>One player of a two-player game: a name and the parameter tensors it updates (usually a
/// module's <c>Parameters()</c>). The tensors are updated in place by the player's optimiser.</summary>
public sealed class Player
{
    public Player(string name, IEnumerable<Tensor> parameters)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("a player needs a name", nameof(name)) : name;
        Parameters = parameters?.ToArray() ?? throw new ArgumentNullException(nameof(parameters));
        if (Parameters.Count == 0) throw new ArgumentException($"player '{name}' has no parameters", nameof(parameters));
    }

    public string Name { get; }
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Total number of scalar parameters.</summary>
    public long Size => Parameters.Sum(p => p.NumberOfElements);

    public override string ToString() => $"{Name} ({Size} parameters)";
}

public static class PlayerRoleExtensions
{
    /// <summary>The other player.</summary>
    public static PlayerRole Other(this PlayerRole role) => role == PlayerRole.Phi ? PlayerRole.Theta : PlayerRole.Phi;
}
