using System.Numerics;
using GameDrift.Analysis;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Tests.Analysis;

/// <summary>The 2x2 eigenvalues by the quadratic formula are the general eigendecomposition's.</summary>
public class EigenvalueTests
{
    [Fact]
    public void TwoByTwoEigenvaluesAreTheEigendecompositions()
    {
        var rng = new Random(7);
        var cases = Enumerable.Range(0, 500).Select(_ => new[] { rng.NextDouble() * 4 - 2, rng.NextDouble() * 4 - 2, rng.NextDouble() * 4 - 2, rng.NextDouble() * 4 - 2 })
            .Concat([[1, 0, 0, 1], [0, 0, 0, 0], [1, 1e-8, 0, 1], [0.99, -0.1, 0.1, 0.99], [1e6, 1, 1, 1e-6], [-3, 2, -2, -3]]);
        foreach (var c in cases)
        {
            var m = Matrix<double>.Build.DenseOfArray(new[,] { { c[0], c[1] }, { c[2], c[3] } });
            var expected = Sorted(m.Evd().EigenValues.ToArray());
            var actual = Sorted(Stability.Eigenvalues(m));
            var scale = Math.Max(1, m.L1Norm());
            for (var i = 0; i < 2; i++)
                Assert.True((expected[i] - actual[i]).Magnitude <= 1e-12 * scale, $"[{string.Join(", ", c)}]: {expected[i]} vs {actual[i]}");
        }
    }

    private static Complex[] Sorted(Complex[] z) => z.OrderBy(x => x.Real).ThenBy(x => x.Imaginary).ToArray();
}
