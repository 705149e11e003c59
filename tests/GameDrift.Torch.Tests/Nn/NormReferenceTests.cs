using GameDrift.Torch;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>Normalisation layers against their textbook formulas, including the running-statistics update.</summary>
public class NormReferenceTests
{
    [Fact]
    public void BatchNormTrainingNormalisesWithBatchStatisticsAndUpdatesRunningOnes()
    {
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(71);
        var x = rng.Normal(4, 2, 3);
        var gamma = rng.Uniform(0.5, 1.5, 2);
        var beta = rng.Normal(2);
        var runMean = torch.Tensor(0.5, -0.5);
        var runVar = torch.Tensor(2.0, 0.5);
        const double momentum = 0.3, eps = 1e-3;
        var y = F.BatchNorm(x, runMean, runVar, gamma, beta, training: true, momentum: momentum, eps: eps);

        Nd X = Nd.Of(x), Y = new(4, 2, 3), G = Nd.Of(gamma), B = Nd.Of(beta);
        var expectedMean = new[] { 0.5, -0.5 };
        var expectedVar = new[] { 2.0, 0.5 };
        for (var c = 0; c < 2; c++)
        {
            var values = new List<double>();
            for (var n = 0; n < 4; n++) for (var l = 0; l < 3; l++) values.Add(X[n, c, l]);
            var mean = values.Average();
            var biased = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
            for (var n = 0; n < 4; n++)
                for (var l = 0; l < 3; l++)
                    Y[n, c, l] = (X[n, c, l] - mean) / Math.Sqrt(biased + eps) * G[c] + B[c];
            // Running statistics use the unbiased variance, as PyTorch does.
            expectedMean[c] = (1 - momentum) * expectedMean[c] + momentum * mean;
            expectedVar[c] = (1 - momentum) * expectedVar[c] + momentum * biased * values.Count / (values.Count - 1);
        }
        Nd.AssertClose(Y, y);
        Assert.Equal(expectedMean, runMean.ToArray<double>(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(expectedVar, runVar.ToArray<double>(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void BatchNormEvaluationUsesRunningStatistics()
    {
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(72);
        var x = rng.Normal(3, 2);
        var runMean = torch.Tensor(0.5, -0.5);
        var runVar = torch.Tensor(2.0, 0.5);
        var y = F.BatchNorm(x, runMean, runVar, training: false, eps: 0);
        Nd X = Nd.Of(x), Y = new(3, 2);
        double[] m = { 0.5, -0.5 }, v = { 2.0, 0.5 };
        for (var n = 0; n < 3; n++) for (var c = 0; c < 2; c++) Y[n, c] = (X[n, c] - m[c]) / Math.Sqrt(v[c]);
        Nd.AssertClose(Y, y);
        Assert.Equal(m, runMean.ToArray<double>()); // untouched
    }

    [Fact]
    public void LayerNormAndGroupNorm()
    {
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(73);
        var x = rng.Normal(2, 4, 3);
        var w = rng.Normal(4, 3);
        var b = rng.Normal(4, 3);
        Nd X = Nd.Of(x), W = Nd.Of(w), Bn = Nd.Of(b), L = new(2, 4, 3), G = new(2, 4, 3);
        var gw = rng.Normal(4);
        var gb = rng.Normal(4);
        Nd GW = Nd.Of(gw), GB = Nd.Of(gb);
        for (var n = 0; n < 2; n++)
        {
            var all = new List<double>();
            for (var c = 0; c < 4; c++) for (var l = 0; l < 3; l++) all.Add(X[n, c, l]);
            double mean = all.Average(), var = all.Sum(v => (v - mean) * (v - mean)) / all.Count;
            for (var c = 0; c < 4; c++) for (var l = 0; l < 3; l++)
                L[n, c, l] = (X[n, c, l] - mean) / Math.Sqrt(var + 1e-5) * W[c, l] + Bn[c, l];
            for (var g = 0; g < 2; g++) // 2 groups of 2 channels
            {
                var grp = new List<double>();
                for (var c = 2 * g; c < 2 * g + 2; c++) for (var l = 0; l < 3; l++) grp.Add(X[n, c, l]);
                double gm = grp.Average(), gv = grp.Sum(v => (v - gm) * (v - gm)) / grp.Count;
                for (var c = 2 * g; c < 2 * g + 2; c++) for (var l = 0; l < 3; l++)
                    G[n, c, l] = (X[n, c, l] - gm) / Math.Sqrt(gv + 1e-5) * GW[c] + GB[c];
            }
        }
        Nd.AssertClose(L, F.LayerNorm(x, new long[] { 4, 3 }, w, b));
        Nd.AssertClose(G, F.GroupNorm(x, 2, gw, gb));
    }
}
