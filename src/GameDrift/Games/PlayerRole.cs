namespace GameDrift.Games;

/// <summary>Which player: phi (player 1, the discriminator) or theta (player 2, the generator), spec §1.1.</summary>
public enum PlayerRole { Phi, Theta }

public static class PlayerRoleExtensions
{
    /// <summary>The other player.</summary>
    public static PlayerRole Other(this PlayerRole role) => role == PlayerRole.Phi ? PlayerRole.Theta : PlayerRole.Phi;
}
