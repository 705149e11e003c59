using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A game given by vector fields <c>phi' = f</c>, <c>theta' = g</c> that need not be gradients
/// (spec §1.1). Schemes step along <c>-(-f)</c>; drift regularisers take their terms from the fields
/// (<see cref="FieldTerms"/>); regularisers that need losses (CO, SGA, gradient penalties) reject it.</summary>
public sealed class FieldGame : ITwoPlayerGame
{
    public delegate (IReadOnlyList<Tensor> F, IReadOnlyList<Tensor> G) FieldFunction(GameBatch batch);

    private readonly FieldFunction field;

    /// <param name="field">f and g at the players' current parameters, in parameter order.</param>
    public FieldGame(Player phi, Player theta, FieldFunction field)
    {
        Phi = phi;
        Theta = theta;
        this.field = field;
    }

    public Player Phi { get; }
    public Player Theta { get; }

    public (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) Gradients(GameBatch batch)
    {
        var (f, g) = field(batch);
        if (f.Count != Phi.Parameters.Count || g.Count != Theta.Parameters.Count)
            throw new InvalidOperationException("the field must return one tensor per parameter of each player");
        return (f.Select(t => -t).ToArray(), g.Select(t => -t).ToArray());
    }
}
