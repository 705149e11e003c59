using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Transforms;

/// <summary>A link of a player's update <see cref="Chain"/>, in the spirit of Optax's gradient transformations: at each
/// evaluation the step takes, it maps the player's gradient so far to the next one (a regulariser adds its term).</summary>
public interface IGradientTransform
{
    /// <summary>Throws a clear error when the transform cannot act on this game or scheme.</summary>
    void Check(ITwoPlayerGame game, SchemeKind scheme) { }

    /// <summary>The gradient after this link, in parameter order. <paramref name="gradient"/> may be computed on first
    /// read (<see cref="DeferredGradient"/>).</summary>
    IReadOnlyList<Tensor> Update(IReadOnlyList<Tensor> gradient, StepContext context);
}

/// <summary>What a link sees at one evaluation: the evaluation (point and batch), the player whose gradient it
/// transforms, and the step (scheme, order, the players' current learning rates).</summary>
public sealed record StepContext(GameEvaluation Evaluation, PlayerRole Player, SchemeInfo Scheme);
