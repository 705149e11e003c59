using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>Turns the flat-vector toy games (<see cref="IDifferentiableToyGame"/>) into two-player games whose players
/// own one 1-D parameter tensor each, so the training schemes run on them unchanged.</summary>
public static class ToyGameAdapters
{
    /// <summary>A differentiable toy game at the point (phi, theta), which become the players' parameters
    /// (updated in place). The batch is ignored.</summary>
    public static DifferentiableGame AsTwoPlayerGame(this IDifferentiableToyGame toy, Tensor phi, Tensor theta) =>
        new DifferentiableToy(toy, Check(toy, phi, theta));

    private static (Tensor, Tensor) Check(IVectorFieldGame toy, Tensor phi, Tensor theta)
    {
        if (phi.Dim != 1 || phi.Size(0) != toy.PhiDim || theta.Dim != 1 || theta.Size(0) != toy.ThetaDim)
            throw new ArgumentException($"game '{toy.Name}' needs phi of shape [{toy.PhiDim}] and theta of shape [{toy.ThetaDim}]");
        if (!phi.RequiresGrad || !theta.RequiresGrad)
            throw new ArgumentException("the players' parameters must require gradients");
        return (phi, theta);
    }

    private sealed class DifferentiableToy(IDifferentiableToyGame toy, (Tensor Phi, Tensor Theta) p)
        : DifferentiableGame(new Player("phi", new[] { p.Phi }), new Player("theta", new[] { p.Theta }))
    {
        public override (Tensor L1, Tensor L2) Losses(GameBatch batch) => toy.Losses(p.Phi, p.Theta);
    }
}
