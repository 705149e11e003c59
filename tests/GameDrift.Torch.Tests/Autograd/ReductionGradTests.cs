using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>Reductions over everything, one dim (with and without keepDim) and several dims.</summary>
public class ReductionGradTests
{
    private static readonly Dictionary<string, Func<Tensor, Tensor>> Ops = new()
    {
        ["sum"] = x => x.Sum(),
        ["sum dim"] = x => x.Sum(1),
        ["sum dim keep"] = x => x.Sum(-1, keepDim: true),
        ["sum dims"] = x => x.Sum(new long[] { 0, 2 }),
        ["mean"] = x => torch.Mean(x),
        ["mean dim"] = x => x.Mean(0),
        ["mean dims keep"] = x => x.Mean(new long[] { 1, 2 }, keepDim: true),
        ["prod"] = x => x.Prod(),
        ["prod dim"] = x => x.Prod(1),
        ["var"] = x => x.Var(),
        ["var biased"] = x => x.Var(unbiased: false),
        ["var dim"] = x => x.Var(1),
        ["var dims keep"] = x => x.Var(new long[] { 0, 2 }, unbiased: false, keepDim: true),
        ["std"] = x => x.Std(),
        ["std dim"] = x => x.Std(2, unbiased: false),
        ["std dims"] = x => x.Std(new long[] { 0, 1 }),
        ["norm 2"] = x => x.Norm(),
        ["norm 1"] = x => x.Norm(1),
        ["norm 3 dims"] = x => x.Norm(3, new long[] { 1, 2 }),
        ["norm inf dim"] = x => x.Norm(double.PositiveInfinity, new long[] { 1 }),
        ["vector_norm keep"] = x => torch.linalg.VectorNorm(x, 2, new long[] { 0 }, keepDim: true),
        ["max"] = x => x.Max(),
        ["min"] = x => x.Min(),
        ["amax dim"] = x => x.Amax(1),
        ["amin dim keep"] = x => x.Amin(0, keepDim: true),
        ["max dim values"] = x => x.Max(2).Values,
        ["min dim values"] = x => x.Min(1, keepDim: true).Values,
        ["logsumexp"] = x => x.LogSumExp(),
        ["logsumexp dim"] = x => x.LogSumExp(1),
        ["logsumexp dim keep"] = x => x.LogSumExp(0, keepDim: true),
        ["sort values"] = x => x.Sort(1, descending: true).Values,
        ["topk values"] = x => x.TopK(2, -1).Values,
        ["masked_select"] = x => x.MaskedSelect(x.Gt(0)),
    };

    public static TheoryData<string> Names => new(Ops.Keys);

    [Theory, MemberData(nameof(Names))]
    public void MatchesFiniteDifferences(string name)
    {
        using var rng = new Rng(9);
        using var x = rng.Distinct(2, 3, 4); // no ties (max, sort), no zeros (norms, prod)
        GradCheck.Assert(t => Ops[name](t[0]), x);
    }

    [Fact]
    public void ValuesMatchDirectArithmetic()
    {
        using var t = torch.Tensor(new[] { 1.0, 2, 4, -3 }, new long[] { 2, 2 });
        Assert.Equal(4.0, t.Sum().ToDouble());
        Assert.Equal(new[] { 3.0, 1 }, t.Sum(1).ToArray<double>());
        Assert.Equal(-24.0, t.Prod().ToDouble());
        Assert.Equal(1.0, t.Mean().ToDouble());
        Assert.Equal(((0.0 + 1 + 9 + 16) / 3), t.Var().ToDouble(), 12);
        Assert.Equal(Math.Sqrt(26.0 / 4), t.Std(unbiased: false).ToDouble(), 12);
        Assert.Equal(Math.Sqrt(1 + 4 + 16 + 9), t.Norm().ToDouble(), 12);
        Assert.Equal(10.0, t.Norm(1).ToDouble(), 12);
        Assert.Equal(4.0, t.Max().ToDouble());
        Assert.Equal(-3.0, t.Min().ToDouble());
        Assert.Equal(Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(4) + Math.Exp(-3)), t.LogSumExp().ToDouble(), 12);
        Assert.Equal(new[] { 4.0, 2 }, t.Amax(0).ToArray<double>());
        using var b = t.Gt(0);
        Assert.False(b.All().ToBoolean());
        Assert.True(b.Any().ToBoolean());
        Assert.Equal(new[] { true, false }, b.All(1).ToArray<bool>());
    }
}
