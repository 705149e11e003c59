using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Tests.Training;
using GameDrift.Torch;
using GameDrift.Training;

namespace GameDrift.Tests.ContinuousTime;

/// <summary>Sharpness (top own-loss Hessian eigenvalue) by Lanczos on exact HVPs, and its training hook.</summary>
[Collection(GlobalRngCollection.Name)]
public class SharpnessTests
{
    /// <summary>L1 = ½ φᵀAφ + φ·θ, L2 = ½ θᵀCθ - φ·θ: own-loss Hessians A and C.</summary>
    private sealed class QuadraticGame(double[,] a, double[,] c) : IDifferentiableToyGame
    {
        public string Name => "quadratic-game";
        public int PhiDim => a.GetLength(0);
        public int ThetaDim => c.GetLength(0);
        public double[]? Equilibrium => null;
        public (Tensor F, Tensor G) Field(Tensor phi, Tensor theta) => throw new NotSupportedException();
        public (Tensor L1, Tensor L2) Losses(Tensor phi, Tensor theta)
        {
            var cross = (phi.Narrow(0, 0, 2) * theta).Sum();
            return (0.5 * phi.Dot(torch.Tensor(a).Matmul(phi)) + cross, 0.5 * theta.Dot(torch.Tensor(c).Matmul(theta)) - cross);
        }
    }

    [Fact]
    public void LanczosFindsTheTopEigenvalueNotTheLargestMagnitude()
    {
        using var scope = torch.NewDisposeScope();
        // A = Q diag(3, -5, 1) Qᵀ with a rotation in the first two coordinates: power iteration would return -5.
        double co = Math.Cos(0.4), si = Math.Sin(0.4);
        var q = new[,] { { co, -si, 0 }, { si, co, 0 }, { 0, 0, 1 } };
        var a = new double[3, 3];
        var l = new[] { 3.0, -5, 1 };
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) a[i, j] += q[i, k] * l[k] * q[j, k];
        var game = new QuadraticGame(a, new[,] { { 0.5, 0.1 }, { 0.1, 2 } });
        var monitor = new SharpnessMonitor(game, [torch.Tensor(0.1, 0.2, 0.3).RequiresGrad_()], [torch.Tensor(-0.4, 0.5).RequiresGrad_()], GameBatch.Empty, iterations: 10, tolerance: 1e-12);
        Assert.Equal(3, monitor.Measure(PlayerRole.Phi).Value, 10);
        double top = (2.5 + Math.Sqrt(1.5 * 1.5 + 0.04)) / 2; // eigenvalues of [[0.5, 0.1], [0.1, 2]]
        Assert.Equal(top, monitor.Measure(PlayerRole.Theta).Value, 10);
    }

    [Fact]
    public void TrainLogsFiniteSharpnessWithoutChangingTheRun()
    {
        using var plain = new TempDirectory();
        using var measured = new TempDirectory();
        new Trainer(TinyGan.Config("steps=4"), plain.Path).Run();
        new Trainer(TinyGan.Config("steps=4", "log_every=3", "sharpness_every=2", "sharpness_iters=8"), measured.Path).Run();
        var (header, rows) = MetricsLog.Read(measured.Combine("metrics.csv"));
        int s = Array.IndexOf(header, "sharpness_d"), r = Array.IndexOf(header, "sharpness_d_x_lr_d_over_2");
        int sg = Array.IndexOf(header, "sharpness_g"), rg = Array.IndexOf(header, "sharpness_g_x_lr_g_over_2");
        Assert.True(s >= 0 && r >= 0 && sg >= 0 && rg >= 0);
        Assert.Equal(new double?[] { 2, 3, 4 }, rows.Select(x => x[0])); // measured steps always get a row
        foreach (var row in rows.Where(x => x[0] is 2 or 4))
        {
            Assert.True(row[s] is { } v && double.IsFinite(v) && row[sg] is { } w && double.IsFinite(w));
            Assert.Equal(row[s]!.Value * 0.05 / 2, row[r]!.Value, 6);
            Assert.Equal(row[sg]!.Value * 0.05 / 2, row[rg]!.Value, 6);
        }
        Assert.Null(rows[1][s]);
        // Batch-norm statistics, dropout and data streams are untouched: the parameters match bit for bit.
        using var a = Checkpoint.Load(plain.Combine("checkpoints", "latest.pt"));
        using var b = Checkpoint.Load(measured.Combine("checkpoints", "latest.pt"));
        foreach (var n in a.Tensors.Keys.Where(k => k != "wall_time"))
            Assert.True(a.Tensors[n].To(ScalarType.Float64).ToArray<double>().SequenceEqual(b.Tensors[n].To(ScalarType.Float64).ToArray<double>()), n);
    }

    [Theory]
    [InlineData("dal_hvp=exact")]
    [InlineData("dal_hvp=finite-difference")]
    public void TrainWithADalDiscriminatorLogsItsRates(string hvp)
    {
        using var dir = new TempDirectory();
        var result = new Trainer(TinyGan.Config("optimizer_d=dal", "dal_p=2", "dal_max_lr_scale=5", hvp), dir.Path).Run();
        Assert.Equal(RunStatus.Finished, result.State);
        var (header, rows) = MetricsLog.Read(dir.Combine("metrics.csv"));
        int lr = Array.IndexOf(header, "dal_lr_d"), v = Array.IndexOf(header, "dal_curvature_d");
        Assert.True(lr >= 0 && v >= 0);
        Assert.DoesNotContain("dal_lr_g", header);
        Assert.All(rows, row => Assert.Equal(Math.Min(2 / (row[v]!.Value * row[v]!.Value), 5), row[lr]!.Value, 6));
        Assert.Throws<ArgumentException>(() => TinyGan.Config("optimizer=dal", "scheme=rk4").Validate());
    }
}
