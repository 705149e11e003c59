using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

public class MathNetSymmetricEigenSolverTests
{
    [Fact]
    public void ReturnsAscendingValuesAndOrthonormalColumnVectors()
    {
        var rng = new Random(8);
        int n = 10;
        double[] q = TestMatrices.RandomRotation(rng, n);
        double[] spectrum = [5, -1, 3, 0, 2, 7, -4, 1, 6, 0.5];
        double[] a = TestMatrices.FromEigen(q, spectrum, n);

        (double[] values, double[] vectors) = MathNetSymmetricEigenSolver.Instance.Eigh(a, n);

        FeatureStatisticsTests.AssertClose(spectrum.Order().ToArray(), values, 1e-12);
        for (int j = 0; j < n; j++)
        {
            // A v_j = λ_j v_j for column j.
            for (int i = 0; i < n; i++)
            {
                double av = 0;
                for (int k = 0; k < n; k++) av += a[i * n + k] * vectors[k * n + j];
                Assert.Equal(values[j] * vectors[i * n + j], av, 1e-10);
            }
            for (int p = 0; p < n; p++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += vectors[i * n + j] * vectors[i * n + p];
                Assert.Equal(j == p ? 1.0 : 0.0, dot, 1e-12);
            }
        }
        FeatureStatisticsTests.AssertClose(values, ((ISymmetricEigenSolver)MathNetSymmetricEigenSolver.Instance).Eigvalsh(a, n), 0);
    }

    [Fact]
    public void RejectsWrongSize()
    {
        Assert.Throws<ArgumentException>(() => MathNetSymmetricEigenSolver.Instance.Eigh(new double[5], 2));
    }
}
