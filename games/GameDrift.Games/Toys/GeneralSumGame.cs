using GameDrift.Torch;

namespace GameDrift.Games.Toys;

/// <summary>The smooth general-sum game of spec T3 (phi, theta in R^2):
/// L1 = ½ phi^T A phi + phi^T B theta + 0.3 sin(phi_0) theta_1 + 0.2 phi_0² theta_0,
/// L2 = ½ theta^T C theta - phi^T D theta + 0.25 theta_0² phi_1 + 0.1 sin(theta_1) phi_0.
/// Its equilibrium is not known in closed form; its fields are the losses' gradients (autograd).</summary>
public sealed class GeneralSumGame : IDifferentiableToyGame
{
    public static readonly double[,] A = { { 1.0, 0.3 }, { 0.3, 0.5 } };
    public static readonly double[,] B = { { 0.7, -1.2 }, { 1.5, 0.4 } };
    public static readonly double[,] C = { { 0.8, 0.1 }, { 0.1, 0.6 } };
    public static readonly double[,] D = { { -0.9, 0.5 }, { 1.1, 0.2 } };

    /// <summary>The spec's starting point z0 = (0.5, -0.3, 0.4, 0.2).</summary>
    public static readonly double[] Start = { 0.5, -0.3, 0.4, 0.2 };

    public string Name => "general-sum";
    public int PhiDim => 2;
    public int ThetaDim => 2;
    public double[]? Equilibrium => null;

    /// <summary>The spec's z0 (T3), the commands' default start for this game.</summary>
    public double[] DefaultStart => (double[])Start.Clone();

    public (Tensor L1, Tensor L2) Losses(Tensor phi, Tensor theta)
    {
        using var scope = torch.NewDisposeScope();
        var (p0, p1, t0, t1) = Components(phi, theta);
        var l1 = 0.5 * Quad(phi, A, phi) + Quad(phi, B, theta) + 0.3 * p0.Sin() * t1 + 0.2 * p0.Square() * t0;
        var l2 = 0.5 * Quad(theta, C, theta) - Quad(phi, D, theta) + 0.25 * t0.Square() * p1 + 0.1 * t1.Sin() * p0;
        return (l1.MoveToOuterDisposeScope(), l2.MoveToOuterDisposeScope());
    }

    private static (Tensor, Tensor, Tensor, Tensor) Components(Tensor phi, Tensor theta) =>
        (phi.Select(-1, 0), phi.Select(-1, 1), theta.Select(-1, 0), theta.Select(-1, 1));

    // (M x)_i written out, so every batch entry is computed by the same elementwise operations.
    private static Tensor Row(double[,] m, int i, Tensor x) => m[i, 0] * x.Select(-1, 0) + m[i, 1] * x.Select(-1, 1);

    // u^T M v, one value per batch entry.
    private static Tensor Quad(Tensor u, double[,] m, Tensor v) => u.Select(-1, 0) * Row(m, 0, v) + u.Select(-1, 1) * Row(m, 1, v);
}
