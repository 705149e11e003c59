using GameDrift.Games;
using GameDrift.Transforms;

namespace GameDrift.Schemes;

/// <summary>Simultaneous updates (spec §3.1, <see cref="UpdateRule.Simultaneous"/>): both players' gradients at the old
/// parameters on one batch, then both updates.</summary>
public sealed class Simultaneous(ITwoPlayerGame game, Chain phi, Chain theta, IBatchSource batches)
    : UpdateScheme(game, phi, theta, batches)
{
    public override SchemeKind Kind => SchemeKind.Simultaneous;
}
