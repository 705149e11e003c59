namespace GameDrift.Torch.Tests;

internal static class Close
{
    /// <summary>Asserts elementwise |expected − actual| ≤ tol·max(1, |expected|).</summary>
    public static void Equal(double[] expected, double[] actual, double tol)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol * Math.Max(1, Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tol})");
    }

    public static void Equal(double expected, double actual, double tol) => Equal(new[] { expected }, new[] { actual }, tol);
}
