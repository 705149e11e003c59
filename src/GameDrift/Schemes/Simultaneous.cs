using GameDrift.Games;
using GameDrift.Regularisers;

namespace GameDrift.Schemes;

/// <summary>Simultaneous updates (spec §3.1, <see cref="UpdateRule.Simultaneous"/>): both players' gradients at the old
/// parameters on one batch, then both updates.</summary>
public sealed class Simultaneous(ITwoPlayerGame game, IPlayerOptimizer phiOptimizer, IPlayerOptimizer thetaOptimizer,
    IBatchSource batches, IEnumerable<IRegulariser>? regularisers = null)
    : UpdateScheme(game, phiOptimizer, thetaOptimizer, batches, regularisers)
{
    public override SchemeKind Kind => SchemeKind.Simultaneous;
}
