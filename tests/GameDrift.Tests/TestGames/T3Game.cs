using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Tests.TestGames;

/// <summary>The general-sum game of spec T3 (phi, theta in R^2), as tensors for the library and as hand-coded
/// doubles (losses, gradients, Hessian blocks) for independent checks. It carries a point of its own (<see cref="Phi"/>,
/// <see cref="Theta"/>) for the players to train.</summary>
public sealed class T3Game : IDifferentiableGame
{
    public static readonly double[,] A = { { 1, .3 }, { .3, .5 } }, B = { { .7, -1.2 }, { 1.5, .4 } },
        C = { { .8, .1 }, { .1, .6 } }, D = { { -.9, .5 }, { 1.1, .2 } };
    public static readonly double[] Z0 = { 0.5, -0.3, 0.4, 0.2 };

    private readonly Tensor a = torch.Tensor(A), b = torch.Tensor(B), c = torch.Tensor(C), d = torch.Tensor(D);

    public T3Game(double[] phi, double[] theta)
    {
        Phi = new[] { torch.Tensor(phi).RequiresGrad_() };
        Theta = new[] { torch.Tensor(theta).RequiresGrad_() };
    }

    public IReadOnlyList<Tensor> Phi { get; }
    public IReadOnlyList<Tensor> Theta { get; }

    public static T3Game AtZ0() => new(new[] { Z0[0], Z0[1] }, new[] { Z0[2], Z0[3] });

    public Tensor PhiT => Phi[0];
    public Tensor ThetaT => Theta[0];
    public double[] PhiValue => PhiT.ToArray<double>();
    public double[] ThetaValue => ThetaT.ToArray<double>();

    public (Tensor L1, Tensor L2) Losses(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, GameBatch batch)
    {
        Tensor p = phi[0], t = theta[0];
        var l1 = 0.5 * p.Dot(a.Matmul(p)) + p.Dot(b.Matmul(t)) + 0.3 * p[0].Sin() * t[1] + 0.2 * p[0].Square() * t[0];
        var l2 = 0.5 * t.Dot(c.Matmul(t)) - p.Dot(d.Matmul(t)) + 0.25 * t[0].Square() * p[1] + 0.1 * t[1].Sin() * p[0];
        return (l1, l2);
    }

    // ---- hand-coded doubles ----
    public static double L1(double[] p, double[] t) =>
        0.5 * Quad(A, p, p) + Quad(B, p, t) + 0.3 * Math.Sin(p[0]) * t[1] + 0.2 * p[0] * p[0] * t[0];

    public static double L2(double[] p, double[] t) =>
        0.5 * Quad(C, t, t) - Quad(D, p, t) + 0.25 * t[0] * t[0] * p[1] + 0.1 * Math.Sin(t[1]) * p[0];

    public static double[] GradPhiL1(double[] p, double[] t) => Add(Add(MatVec(A, p), MatVec(B, t)),
        new[] { 0.3 * Math.Cos(p[0]) * t[1] + 0.4 * p[0] * t[0], 0 });
    public static double[] GradThetaL1(double[] p, double[] t) => Add(MatTVec(B, p), new[] { 0.2 * p[0] * p[0], 0.3 * Math.Sin(p[0]) });
    public static double[] GradThetaL2(double[] p, double[] t) => Add(Add(MatVec(C, t), Scale(-1, MatTVec(D, p))),
        new[] { 0.5 * t[0] * p[1], 0.1 * Math.Cos(t[1]) * p[0] });
    public static double[] GradPhiL2(double[] p, double[] t) => Add(Scale(-1, MatVec(D, t)), new[] { 0.1 * Math.Sin(t[1]), 0.25 * t[0] * t[0] });

    /// <summary>Hessian of L1 in phi and of L2 in theta.</summary>
    public static double[,] HessPhiL1(double[] p, double[] t) =>
        new[,] { { A[0, 0] - 0.3 * Math.Sin(p[0]) * t[1] + 0.4 * t[0], A[0, 1] }, { A[1, 0], A[1, 1] } };
    public static double[,] HessThetaL2(double[] p, double[] t) =>
        new[,] { { C[0, 0] + 0.5 * p[1], C[0, 1] }, { C[1, 0], C[1, 1] - 0.1 * Math.Sin(t[1]) * p[0] } };

    private static double Quad(double[,] m, double[] x, double[] y) => Dot(x, MatVec(m, y));
    public static double Dot(double[] x, double[] y) => x.Zip(y, (u, v) => u * v).Sum();
    public static double[] MatVec(double[,] m, double[] x) => new[] { m[0, 0] * x[0] + m[0, 1] * x[1], m[1, 0] * x[0] + m[1, 1] * x[1] };
    public static double[] MatTVec(double[,] m, double[] x) => new[] { m[0, 0] * x[0] + m[1, 0] * x[1], m[0, 1] * x[0] + m[1, 1] * x[1] };
    public static double[] Add(double[] x, double[] y) => x.Zip(y, (u, v) => u + v).ToArray();
    public static double[] Scale(double s, double[] x) => x.Select(v => s * v).ToArray();
}
