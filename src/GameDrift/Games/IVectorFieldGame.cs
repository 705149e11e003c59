using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A two-player game on flat parameter vectors, given by its vector fields
/// <c>phi' = f(phi, theta)</c>, <c>theta' = g(phi, theta)</c> (the spec's §1.1 conventions: player 1 is phi,
/// the discriminator; player 2 is theta, the generator). The fields need not be gradients. A game of the one contract
/// (<see cref="ITwoPlayerGame"/>) whose players have one parameter tensor each, [PhiDim] and [ThetaDim], or [B, PhiDim]
/// and [B, ThetaDim] for B configurations at once; the toy games are its float64 games.</summary>
/// <remarks>
/// Used by the toy games and the analysis. <see cref="Field"/> must:
/// <list type="bullet">
/// <item>accept leading batch dimensions: phi is [..., PhiDim] and theta is [..., ThetaDim] with the same
/// leading shape, so a whole grid of configurations advances in one tensor computation;</item>
/// <item>be differentiable in phi and theta (built from tensor ops), so Jacobians and drift terms come
/// from exact autograd, including double backpropagation.</item>
/// </list>
/// </remarks>
public interface IVectorFieldGame : ITwoPlayerGame
{
    /// <summary>Short name used on the command line and in outputs, e.g. "dirac".</summary>
    string Name { get; }
    int PhiDim { get; }
    int ThetaDim { get; }
    /// <summary>f and g at (phi, theta), same shapes as phi and theta.</summary>
    (Tensor F, Tensor G) Field(Tensor phi, Tensor theta);
    /// <summary>The equilibrium (phi*, theta*) when it is known, concatenated; null otherwise.</summary>
    double[]? Equilibrium { get; }

    /// <summary>The game's own starting point (phi0, theta0), concatenated: the commands' default <c>--start</c>.
    /// All ones unless the game has its own.</summary>
    double[] DefaultStart => Enumerable.Repeat(1.0, PhiDim + ThetaDim).ToArray();

    (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) ITwoPlayerGame.Gradients(IReadOnlyList<Tensor> phi,
        IReadOnlyList<Tensor> theta, GameBatch batch) => FieldGradients(this, phi, theta);

    /// <summary>(-f, -g) at the point given as the players' parameter lists.</summary>
    static (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) FieldGradients(IVectorFieldGame game, IReadOnlyList<Tensor> phi,
        IReadOnlyList<Tensor> theta)
    {
        var (f, g) = game.Field(Point(game, phi), Point(game, theta, phi));
        return (new[] { -f }, new[] { -g });
    }

    /// <summary>The one tensor of a player's parameter list, checked against the game's dimensions (theta's leading shape
    /// against phi's when <paramref name="phi"/> is given).</summary>
    static Tensor Point(IVectorFieldGame game, IReadOnlyList<Tensor> player, IReadOnlyList<Tensor>? phi = null)
    {
        var (name, dim) = phi is null ? ("phi", game.PhiDim) : ("theta", game.ThetaDim);
        var t = player.Count == 1 ? player[0]
            : throw new ArgumentException($"game '{game.Name}': {name} is one parameter tensor, not {player.Count}");
        var shape = t.Shape;
        var fits = shape.Length is 1 or 2 && shape[^1] == dim
            && (phi is null || phi[0].Dim == shape.Length && (shape.Length == 1 || phi[0].Size(0) == shape[0]));
        if (!fits)
            throw new ArgumentException($"game '{game.Name}' needs phi of shape [{game.PhiDim}] and theta of shape [{game.ThetaDim}], " +
                $"or [B, {game.PhiDim}] and [B, {game.ThetaDim}]; got {name} [{string.Join(", ", shape)}]" +
                (phi is null ? "" : $" with phi [{string.Join(", ", phi[0].Shape)}]"));
        return t;
    }
}

/// <summary>A differentiable two-player game on flat parameter vectors, given by its losses: player 1 (phi) minimises L1,
/// player 2 (theta) minimises L2, and its fields are <c>f = -grad_phi L1</c>, <c>g = -grad_theta L2</c> by autograd, so a
/// game of one's own needs only <see cref="Losses"/>. A game may override <see cref="IVectorFieldGame.Field"/> with the
/// same field written out, a fast path tested equal (the built-in toys do: the analysis' modified flows differentiate the
/// field twice more, and `toy` runs 1.5-1.8x faster so).</summary>
public interface IDifferentiableToyGame : IVectorFieldGame, IDifferentiableGame
{
    /// <summary>Both losses on one autograd graph; with batched inputs, one loss per batch entry (shape = leading dims).</summary>
    (Tensor L1, Tensor L2) Losses(Tensor phi, Tensor theta);

    (Tensor F, Tensor G) IVectorFieldGame.Field(Tensor phi, Tensor theta) => LossFields.Of(this, phi, theta);

    /// <summary>The configurations' losses summed, so each gradient is its configuration's own. The batch is not read.</summary>
    (Tensor L1, Tensor L2) IDifferentiableGame.Losses(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, GameBatch batch)
    {
        var (p, t) = (Point(this, phi), Point(this, theta, phi));
        var (l1, l2) = Losses(p, t);
        return p.Dim == 1 ? (l1, l2) : (l1.Sum(), l2.Sum());
    }

    // The field (written out, or the losses' gradients): equal to the loss gradients, and cheaper when written out.
    (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) ITwoPlayerGame.Gradients(IReadOnlyList<Tensor> phi,
        IReadOnlyList<Tensor> theta, GameBatch batch) => FieldGradients(this, phi, theta);
}
