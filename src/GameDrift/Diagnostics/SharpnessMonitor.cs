using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Diagnostics;

/// <summary>Sharpness of each player of a differentiable game: the top eigenvalue of the player's own-loss Hessian
/// ∇²_PP L_P, by Lanczos on exact Hessian-vector products (double backprop of g·v), at the current parameters on a fixed
/// batch (so the curve over training follows the parameters, not the batch noise). The edge of stability of plain
/// gradient descent is λ·lr/2 = 1 (spec §9.2: λ = 2/h). Measuring runs the networks forward once per player;
/// <paramref name="preserveState"/> (e.g. a snapshot of batch-norm buffers) keeps that from leaking into training.</summary>
public sealed class SharpnessMonitor(IDifferentiableGame game, IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, GameBatch batch, int iterations = 20, double tolerance = 1e-3,
    ulong seed = 0, Func<IDisposable>? preserveState = null)
{
    public int Iterations { get; } = iterations >= 1 ? iterations : throw new ArgumentException($"sharpness_iters must be at least 1 (got {iterations})");
    public double Tolerance { get; } = tolerance >= 0 ? tolerance : throw new ArgumentException($"sharpness_tol must not be negative (got {tolerance})");

    /// <summary>The top eigenvalue of <paramref name="player"/>'s own-loss Hessian and the HVPs it took.</summary>
    public (double Value, int Products) Measure(PlayerRole player)
    {
        using var keep = preserveState?.Invoke();
        using var scope = torch.NewDisposeScope();
        var ev = new GameEvaluation(game, phi, theta, batch, createGraph: true, bothBlocks: false);
        var g = ev.Gradient(player == PlayerRole.Phi ? 1 : 2, player);
        var ps = ev.Parameters(player);
        Tensor[] Hvp(Tensor[] v)
        {
            var dot = GradientMath.Dot(g, v);
            return dot.RequiresGrad
                ? GradientMath.ZerosForUnused(Autograd.Grad(dot, ps, retainGraph: true, allowUnused: true), ps)
                : ps.Select(torch.ZerosLike).ToArray(); // a loss linear in the player: zero Hessian
        }
        using var rng = new Generator(seed);
        var start = ps.Select(p => torch.Randn(p.Shape, rng, p.DType, p.Device)).ToArray();
        return Lanczos.TopEigenvalue(Hvp, start, Iterations, Tolerance);
    }
}
