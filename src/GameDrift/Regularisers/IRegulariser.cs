using GameDrift.Games;
using GameDrift.Torch;
using GameDrift.Transforms;

namespace GameDrift.Regularisers;

/// <summary>A transform that adds a term to a player's gradient: a link of the player's <see cref="Chain"/>, before
/// its optimiser, so it works with any scheme and optimiser. At every evaluation (point and batch) the scheme takes for
/// the player, it adds the term it gives there.</summary>
public interface IRegulariser : IGradientTransform
{
    /// <summary>The name as typed in a regulariser spec, with options, e.g. "cancel-interaction:single-clock".</summary>
    string Name { get; }

    /// <summary>The extra gradient for <paramref name="player"/> (parameter order), or null when it leaves that player alone.</summary>
    IReadOnlyList<Tensor>? Gradient(GameEvaluation evaluation, SchemeInfo scheme, PlayerRole player);

    /// <summary>The term is evaluated now, the sum when read (<see cref="DeferredGradient"/>).</summary>
    IReadOnlyList<Tensor> IGradientTransform.Update(IReadOnlyList<Tensor> gradient, StepContext context) =>
        DeferredGradient.Plus(gradient, Gradient(context.Evaluation, context.Scheme, context.Player));
}
