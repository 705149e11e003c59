using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>Gradients flow through every view, copy, join, split and indexing op.</summary>
public class ShapeGradTests
{
    private static Tensor L(params long[] v) => torch.Tensor(v);

    private static readonly Dictionary<string, Func<Tensor, Tensor>> Ops = new()
    {
        ["view"] = x => x.View(4, 6),
        ["reshape"] = x => x.Reshape(-1, 2),
        ["permute"] = x => x.Permute(2, 0, 1),
        ["transpose"] = x => x.Transpose(0, 2),
        ["squeeze unsqueeze"] = x => x.Unsqueeze(1).Squeeze(1).Unsqueeze(-1).Squeeze(),
        ["flatten"] = x => x.Flatten(1),
        ["expand"] = x => x[.., .., 0..1].Expand(2, 3, 5),
        ["repeat"] = x => x.Repeat(2, 1, 2),
        ["flip"] = x => x.Flip(0, 2),
        ["roll"] = x => x.Roll(new long[] { 1, -2 }, new long[] { 1, 2 }),
        ["chunk"] = x => { var c = x.Chunk(3, 1); return c[0] * 1 + c[1] * 2 - c[2].Sin(); },
        ["split"] = x => { var s = x.Split(new long[] { 1, 2 }, 1); return s[0].Exp() * s[1].Sum(1, keepDim: true); },
        ["cat"] = x => torch.Cat(new[] { x, x.Square() }, 1),
        ["stack"] = x => torch.Stack(new[] { x, x.Tanh(), x * 3 }, 2),
        ["select"] = x => x.Select(1, 2),
        ["slice step"] = x => x.Slice(2, 0, 4, 2),
        ["narrow"] = x => x.Narrow(2, 1, 2),
        ["indexer ranges"] = x => x[1, 1.., TensorIndex.Slice(null, null, 2)],
        ["indexer ellipsis none"] = x => x[TensorIndex.Ellipsis, TensorIndex.None, 0],
        ["indexer mask"] = x => x[x.Gt(0)],
        ["indexer long"] = x => x[.., L(2, 0, 2)],
        ["index"] = x => x.Index(L(1, 0, 1), L(0, 2, 2)),
        ["index_select"] = x => x.IndexSelect(2, L(3, 0, 3)),
        ["gather"] = x => x.Gather(2, torch.Tensor(new long[] { 0, 3, 1, 1, 2, 0 }, new long[] { 2, 3, 1 })),
        ["masked_fill"] = x => x.MaskedFill(x.Lt(0), 0.5),
        ["where"] = x => torch.Where(x.Gt(0), x.Square(), x.Exp()),
        ["tril triu"] = x => x[0].Tril() + x[1].Triu(1) * 2,
        ["diag"] = x => x[0, .., 0..3].Diag(),
        ["diag_embed"] = x => x[0].DiagEmbed(),
        ["clone contiguous alias"] = x => x.Permute(1, 0, 2).Contiguous().Clone().Alias() * 2,
        ["to float64"] = x => x.To(ScalarType.Float64).Double(),
        ["index_put"] = x => { var y = x.Clone(); y.IndexPut_(new Tensor?[] { L(0, 1), L(2, 0) }, x[0, 0] * 5); return y; },
        ["indexer assign"] = x => { var y = x * 1; y[.., 0] = x[.., 1].Square(); return y; },
    };

    public static TheoryData<string> Names => new(Ops.Keys);

    [Theory, MemberData(nameof(Names))]
    public void MatchesFiniteDifferences(string name)
    {
        using var rng = new Rng(17);
        using var x = rng.AwayFromZero(0.2, 2, 2, 3, 4);
        GradCheck.Assert(t => Ops[name](t[0]), x);
    }

    [Fact]
    public void CatAndStackSendGradientsToEachInput()
    {
        using var rng = new Rng(18);
        using var a = rng.Normal(2, 3);
        using var b = rng.Normal(1, 3);
        GradCheck.Assert(x => torch.Cat(new[] { x[0], x[1].Exp() }, 0), a, b);
        using var c = rng.Normal(2, 3);
        GradCheck.Assert(x => torch.Stack(new[] { x[0], x[1] * x[0] }, 1), a, c);
        GradCheck.Assert(x => torch.Where(x[0].Gt(x[1]), x[0], x[1] * 2), a, c);
    }

    [Fact]
    public void DetachStopsTheGradient()
    {
        using var x = torch.Tensor(1.0, 2.0).RequiresGrad_();
        using var y = (x.Detach() * x).Sum();
        var g = Autograd.Grad(y, new[] { x })[0]!;
        Assert.Equal(new[] { 1.0, 2.0 }, g.ToArray<double>());
    }
}
