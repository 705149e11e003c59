using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A game given by vector fields <c>phi' = f</c>, <c>theta' = g</c> that need not be gradients
/// (spec §1.1). Schemes step along <c>-(-f)</c>; drift regularisers take their terms from the fields
/// (<see cref="FieldTerms"/>); regularisers that need losses (CO, SGA, gradient penalties) reject it.</summary>
public sealed class FieldGame(FieldGame.FieldFunction field) : ITwoPlayerGame
{
    /// <summary>f and g at (phi, theta), one tensor per parameter, in parameter order; built from tensor ops on them when
    /// drift terms are wanted (they differentiate the fields).</summary>
    public delegate (IReadOnlyList<Tensor> F, IReadOnlyList<Tensor> G) FieldFunction(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta,
        GameBatch batch);

    public (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) Gradients(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, GameBatch batch)
    {
        var (f, g) = field(phi, theta, batch);
        if (f.Count != phi.Count || g.Count != theta.Count)
            throw new InvalidOperationException("the field must return one tensor per parameter of each player");
        return (f.Select(t => -t).ToArray(), g.Select(t => -t).ToArray());
    }
}
