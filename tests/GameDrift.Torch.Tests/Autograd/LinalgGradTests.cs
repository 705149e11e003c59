using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>Products and decompositions. Decompositions are tested on well-conditioned inputs with distinct spectra.</summary>
public class LinalgGradTests
{
    public static TheoryData<string> Names => new(Cases.Keys);

    private static readonly Dictionary<string, (long[][] Shapes, Func<Tensor[], Tensor> F)> Cases = new()
    {
        ["matmul 2d"] = (new[] { new long[] { 3, 4 }, new long[] { 4, 2 } }, x => x[0].Matmul(x[1])),
        ["matmul vec-mat"] = (new[] { new long[] { 4 }, new long[] { 4, 2 } }, x => torch.Matmul(x[0], x[1])),
        ["matmul mat-vec"] = (new[] { new long[] { 3, 4 }, new long[] { 4 } }, x => x[0].Matmul(x[1])),
        ["matmul batched broadcast"] = (new[] { new long[] { 2, 3, 4 }, new long[] { 4, 2 } }, x => x[0].Matmul(x[1])),
        ["mm"] = (new[] { new long[] { 2, 3 }, new long[] { 3, 4 } }, x => x[0].Mm(x[1])),
        ["bmm"] = (new[] { new long[] { 2, 2, 3 }, new long[] { 2, 3, 2 } }, x => x[0].Bmm(x[1])),
        ["outer"] = (new[] { new long[] { 3 }, new long[] { 4 } }, x => torch.Outer(x[0], x[1])),
        ["dot"] = (new[] { new long[] { 5 }, new long[] { 5 } }, x => x[0].Dot(x[1])),
        ["trace"] = (new[] { new long[] { 3, 3 } }, x => x[0].Trace()),
        ["t"] = (new[] { new long[] { 2, 3 } }, x => x[0].T() * torch.Arange(2, ScalarType.Float64)),
        ["mT"] = (new[] { new long[] { 2, 2, 3 } }, x => x[0].MT.Sin()),
        ["det"] = (new[] { new long[] { 3, 3 } }, x => torch.linalg.Det(WellConditioned(x[0]))),
        ["inv"] = (new[] { new long[] { 3, 3 } }, x => torch.linalg.Inv(WellConditioned(x[0]))),
        ["solve"] = (new[] { new long[] { 3, 3 }, new long[] { 3, 2 } }, x => torch.linalg.Solve(WellConditioned(x[0]), x[1])),
        ["eigh eigenvalues"] = (new[] { new long[] { 3, 3 } }, x => torch.linalg.Eigh(Symmetric(x[0])).Values),
        ["cholesky"] = (new[] { new long[] { 3, 3 } }, x => torch.linalg.Cholesky(PositiveDefinite(x[0]))),
        ["svd singular values"] = (new[] { new long[] { 3, 2 } }, x => torch.linalg.Svd(x[0]).S),
    };

    private static Tensor WellConditioned(Tensor a) => a + torch.Eye(a.Size(0), dtype: ScalarType.Float64) * 3;
    private static Tensor Symmetric(Tensor a) => (a + a.T()) * 0.5 + torch.Tensor(0.0, 2.0, 4.0).Diag();
    private static Tensor PositiveDefinite(Tensor a) => a.Mm(a.T()) + torch.Eye(a.Size(0), dtype: ScalarType.Float64);

    [Theory, MemberData(nameof(Names))]
    public void MatchesFiniteDifferences(string name)
    {
        var (shapes, f) = Cases[name];
        using var rng = new Rng(31);
        var xs = shapes.Select(s => rng.Normal(s)).ToArray();
        GradCheck.Assert(f, xs);
        foreach (var x in xs) x.Dispose();
    }

    [Fact]
    public void DecompositionsReconstructTheirInput()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.Tensor(new[,] { { 4.0, 1, 0 }, { 1, 3, 1 }, { 0, 1, 2 } });
        var (w, v) = torch.linalg.Eigh(a);
        Assert.True(v.Mm(w.Diag()).Mm(v.T()).AllClose(a, 1e-12, 1e-12));
        Assert.True(w[0].ToDouble() < w[1].ToDouble(), "ascending eigenvalues");
        var l = torch.linalg.Cholesky(a);
        Assert.True(l.Mm(l.T()).AllClose(a, 1e-12, 1e-12));
        Assert.Equal(0.0, l[0, 1].ToDouble());
        var (u, s, vh) = torch.linalg.Svd(a);
        Assert.True((u * s).Mm(vh).AllClose(a, 1e-12, 1e-12));
        Assert.Equal(18.0, torch.linalg.Det(a).ToDouble(), 10); // 4(6-1) - 1(2-0)
        Assert.True(torch.linalg.Inv(a).Mm(a).AllClose(torch.Eye(3, dtype: ScalarType.Float64), 1e-12, 1e-12));
        var b = torch.Tensor(1.0, 2.0, 3.0).Unsqueeze(1);
        Assert.True(a.Mm(torch.linalg.Solve(a, b)).AllClose(b, 1e-12, 1e-12));
        // [[2, 1], [0, 3]] has eigenvalues 2 and 3.
        var ev = torch.linalg.EigVals(torch.Tensor(new[,] { { 2.0, 1 }, { 0, 3 } }));
        Assert.Equal(new long[] { 2, 2 }, ev.Shape);
        Assert.Equal(new[] { 2.0, 3.0 }, ev[.., 0].ToArray<double>().Order());
        Assert.Equal(new[] { 0.0, 0.0 }, ev[.., 1].ToArray<double>());
    }
}
