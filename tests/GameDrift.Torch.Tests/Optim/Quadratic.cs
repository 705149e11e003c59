namespace GameDrift.Torch.Tests.Optim;

/// <summary>f(x, y) = 1.5x² + xy + y² − x + y/2 with x and y as two separate parameters, started at (1, −2):
/// ∇f = (3x + y − 1, x + 2y + 1/2).</summary>
internal static class Quadratic
{
    public static readonly double[] Start = { 1.0, -2.0 };

    public static double[] Grad(double[] p) => new[] { 3 * p[0] + p[1] - 1, p[0] + 2 * p[1] + 0.5 };

    public static Tensor[] NewParameters(double[]? values = null)
    {
        var v = values ?? Start;
        return new[] { torch.Tensor(v[0]).RequiresGrad_().DetachFromDisposeScope(), torch.Tensor(v[1]).RequiresGrad_().DetachFromDisposeScope() };
    }

    public static Tensor Loss(Tensor[] p)
    {
        var (x, y) = (p[0], p[1]);
        return (x.Square() * 1.5 + x * y + y.Square() - x + y * 0.5).Sum();
    }

    public static double[] Values(Tensor[] p) => p.Select(t => t.ToDouble()).ToArray();

    /// <summary>Runs <paramref name="steps"/> steps of backward + Step() and returns the values after each.</summary>
    public static List<double[]> Run(Func<Tensor[], optim.Optimizer> make, int steps = 3)
    {
        var p = NewParameters();
        using var opt = make(p);
        var trajectory = new List<double[]>();
        for (var i = 0; i < steps; i++)
        {
            using var scope = torch.NewDisposeScope();
            opt.ZeroGrad();
            Loss(p).Backward();
            opt.Step();
            trajectory.Add(Values(p));
        }
        foreach (var t in p) t.Dispose();
        return trajectory;
    }

    public static void AssertFollows(List<double[]> expected, Func<Tensor[], optim.Optimizer> make)
    {
        var actual = Run(make, expected.Count);
        for (var i = 0; i < expected.Count; i++) Close.Equal(expected[i], actual[i], 1e-12);
        // Guard against a vacuous pass: the parameters did move.
        Assert.NotEqual(Start, actual[^1]);
    }
}
