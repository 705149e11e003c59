using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>Turns the flat-vector toy games (<see cref="IDifferentiableToyGame"/>) into two-player games whose players
/// own one parameter tensor each, so the training schemes, optimisers and regularisers run on them unchanged.</summary>
public static class ToyGameAdapters
{
    /// <summary>A differentiable toy game at the point (phi, theta), which become the players' parameters (updated in
    /// place). phi [PhiDim] and theta [ThetaDim] are one configuration; phi [B, PhiDim] and theta [B, ThetaDim] are B
    /// configurations played at once: the players' losses are the sums of the rows' losses, so every gradient, drift
    /// term and penalty (each a sum of per-row terms) is each row's own. The batch is ignored.</summary>
    public static DifferentiableGame AsTwoPlayerGame(this IDifferentiableToyGame toy, Tensor phi, Tensor theta) =>
        toy is ILinearDiscriminatorGame ? new DiscriminatorToy(toy, Check(toy, phi, theta)) : new DifferentiableToy(toy, Check(toy, phi, theta));

    /// <summary>Any toy game at the point (phi, theta), shapes as above: a differentiable one as its losses, a field-only
    /// one (the rotational game) as a <see cref="FieldGame"/> of its fields, which the schemes step along; the drift
    /// regularisers evaluate their terms on the fields (<see cref="FieldTerms"/>), CO and SGA reject it (they need losses).</summary>
    public static ITwoPlayerGame AsTwoPlayerGame(this IVectorFieldGame toy, Tensor phi, Tensor theta)
    {
        if (toy is IDifferentiableToyGame differentiable) return differentiable.AsTwoPlayerGame(phi, theta);
        var (p, t) = Check(toy, phi, theta);
        return new FieldGame(new Player("phi", new[] { p }), new Player("theta", new[] { t }), _ =>
        {
            var (f, g) = toy.Field(p, t);
            return (new[] { f }, new[] { g });
        });
    }

    private static (Tensor, Tensor) Check(IVectorFieldGame toy, Tensor phi, Tensor theta)
    {
        var shapes = phi.Dim == 1 && theta.Dim == 1
            || phi.Dim == 2 && theta.Dim == 2 && phi.Size(0) == theta.Size(0);
        if (!shapes || phi.Size(-1) != toy.PhiDim || theta.Size(-1) != toy.ThetaDim)
            throw new ArgumentException($"game '{toy.Name}' needs phi of shape [{toy.PhiDim}] and theta of shape [{toy.ThetaDim}], " +
                $"or [B, {toy.PhiDim}] and [B, {toy.ThetaDim}]; got [{string.Join(", ", phi.Shape)}] and [{string.Join(", ", theta.Shape)}]");
        if (!phi.RequiresGrad || !theta.RequiresGrad)
            throw new ArgumentException("the players' parameters must require gradients");
        return (phi, theta);
    }

    private class DifferentiableToy(IDifferentiableToyGame toy, (Tensor Phi, Tensor Theta) p)
        : DifferentiableGame(new Player("phi", new[] { p.Phi }), new Player("theta", new[] { p.Theta }))
    {
        public override (Tensor L1, Tensor L2) Losses(GameBatch batch)
        {
            var (l1, l2) = toy.Losses(p.Phi, p.Theta);
            return p.Phi.Dim == 1 ? (l1, l2) : (l1.Sum(), l2.Sum());
        }
    }

    // A linear-discriminator toy: its configurations' samples for the gradient penalties (the batch is ignored).
    private sealed class DiscriminatorToy(IDifferentiableToyGame toy, (Tensor Phi, Tensor Theta) p)
        : DifferentiableToy(toy, p), IDiscriminatorGame
    {
        public Tensor Discriminator(Tensor x) => ILinearDiscriminatorGame.Discriminator(x, Phi.Parameters[0]);
        public Tensor Real(GameBatch batch) => ILinearDiscriminatorGame.Real(Phi.Parameters[0]);
        public Tensor Fake(GameBatch batch) => ILinearDiscriminatorGame.Fake(Theta.Parameters[0]);
        public int ConfigurationDims => Phi.Parameters[0].Dim - 1;
    }
}
