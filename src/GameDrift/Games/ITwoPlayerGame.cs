using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>The core contract of a two-player game: per-player descent directions at the players' current
/// parameters. For a differentiable game these are the loss gradients <c>(grad_phi L1, grad_theta L2)</c>;
/// for a game given by vector fields they are <c>(-f, -g)</c> (spec §1.1). Update schemes need nothing more.</summary>
public interface ITwoPlayerGame
{
    Player Phi { get; }
    Player Theta { get; }

    /// <summary>Both players' descent directions for one batch, in each player's parameter order.</summary>
    (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) Gradients(GameBatch batch);
}

public static class TwoPlayerGameExtensions
{
    public static Player Get(this ITwoPlayerGame game, PlayerRole role) => role == PlayerRole.Phi ? game.Phi : game.Theta;
}
