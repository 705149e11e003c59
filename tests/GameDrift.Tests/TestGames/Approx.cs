namespace GameDrift.Tests.TestGames;

public static class Approx
{
    /// <summary>Asserts |expected - actual| <= tol * max(1, |expected|) entrywise.</summary>
    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tol, string what = "")
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol * Math.Max(1, Math.Abs(expected[i])),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tol {tol})");
    }

    /// <summary>Central finite differences of a scalar function of a vector.</summary>
    public static double[] Gradient(Func<double[], double> f, double[] x, double eps = 1e-5)
    {
        var g = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var up = (double[])x.Clone(); up[i] += eps;
            var dn = (double[])x.Clone(); dn[i] -= eps;
            g[i] = (f(up) - f(dn)) / (2 * eps);
        }
        return g;
    }

    /// <summary>Least-squares slope of log(err) against log(h).</summary>
    public static double Slope(double[] h, double[] err)
    {
        var x = h.Select(v => Math.Log(v)).ToArray();
        var y = err.Select(v => Math.Log(v)).ToArray();
        double mx = x.Average(), my = y.Average();
        return x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx));
    }
}
