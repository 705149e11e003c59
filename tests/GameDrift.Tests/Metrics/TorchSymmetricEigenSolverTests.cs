using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

public class TorchSymmetricEigenSolverTests
{
    [Fact]
    public void AgreesWithTheManagedSolverAndReconstructsTheMatrix()
    {
        const int n = 24;
        var rng = new Random(5);
        var b = new double[n * n];
        for (var i = 0; i < b.Length; i++) b[i] = rng.NextDouble() - 0.5;
        var a = new double[n * n]; // A = B B^T + I: symmetric positive definite
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                double s = i == j ? 1 : 0;
                for (var k = 0; k < n; k++) s += b[i * n + k] * b[j * n + k];
                a[i * n + j] = s;
            }
        var (vt, qt) = TorchSymmetricEigenSolver.Instance.Eigh(a, n);
        var (vm, _) = MathNetSymmetricEigenSolver.Instance.Eigh(a, n);
        for (var i = 0; i < n; i++) Assert.Equal(vm[i], vt[i], 10);
        // A = Q diag(v) Q^T with Q's columns the eigenvectors.
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var k = 0; k < n; k++) s += qt[i * n + k] * vt[k] * qt[j * n + k];
                Assert.Equal(a[i * n + j], s, 10);
            }
        var fidTorch = FrechetDistance.TraceSqrtProduct(a, a, n, TorchSymmetricEigenSolver.Instance);
        var trace = Enumerable.Range(0, n).Sum(i => a[i * n + i]);
        Assert.Equal(trace, fidTorch, 9); // Tr((A A)^(1/2)) = Tr(A)
    }
}
