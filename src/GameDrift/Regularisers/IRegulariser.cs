using GameDrift.Games;
using GameDrift.Schemes;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>A plug-in that adds a term to a player's gradient before the player's optimiser sees it. Works with
/// any scheme and optimiser: the scheme asks every active regulariser, for each player gradient it takes, for
/// extra terms at that evaluation (point and batch).</summary>
public interface IRegulariser
{
    /// <summary>The name as typed in a regulariser spec, with options, e.g. "cancel-interaction:single-clock".</summary>
    string Name { get; }

    /// <summary>Throws a clear error when the regulariser cannot act on this game or scheme.</summary>
    void Check(ITwoPlayerGame game, SchemeKind scheme);

    /// <summary>The extra gradient for <paramref name="player"/> (parameter order), or null when it leaves that player alone.</summary>
    IReadOnlyList<Tensor>? Gradient(GameEvaluation evaluation, SchemeInfo scheme, PlayerRole player);
}
