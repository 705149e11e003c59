using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>Shape and indexing ops against row-major arithmetic on arange(n) (value = flat position).</summary>
public class ShapeTests
{
    private static Tensor A(params long[] shape) => torch.Arange(shape.Aggregate(1L, (a, b) => a * b)).Reshape(shape);

    [Fact]
    public void ViewReshapePermuteTranspose()
    {
        using var a = A(2, 3, 4);
        using var v = a.View(6, 4);
        Assert.Equal(new long[] { 6, 4 }, v.Shape);
        using var p = a.Permute(2, 0, 1);
        Assert.Equal(new long[] { 4, 2, 3 }, p.Shape);
        // p[k, i, j] = a[i, j, k] = 12 i + 4 j + k
        Assert.Equal(1 * 12 + 2 * 4 + 3, p[3, 1, 2].ToInt64());
        Assert.False(p.IsContiguous);
        using var t = a.Transpose(0, 2);
        Assert.Equal(12 + 3, t[3, 0, 1].ToInt64());
        using var c = p.Contiguous();
        Assert.True(c.IsContiguous);
        Assert.Equal(p.ToArray<long>(), c.ToArray<long>());
        Assert.Throws<TorchException>(() => p.View(24)); // a view of a non-contiguous tensor is impossible
        using var r = p.Reshape(-1);
        Assert.Equal(new long[] { 24 }, r.Shape);
        using var m = A(2, 3);
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, m.T().ToArray<long>());
        using var b = A(2, 2, 3);
        Assert.Equal(new long[] { 2, 3, 2 }, b.MT.Shape);
    }

    [Fact]
    public void SqueezeUnsqueezeFlattenExpandRepeatFlipRoll()
    {
        using var a = A(1, 3, 1);
        Assert.Equal(new long[] { 3 }, a.Squeeze().Shape);
        Assert.Equal(new long[] { 3, 1 }, a.Squeeze(0).Shape);
        Assert.Equal(new long[] { 1, 3, 1, 1 }, a.Unsqueeze(-1).Shape);
        using var b = A(2, 3, 4);
        Assert.Equal(new long[] { 2, 12 }, b.Flatten(1).Shape);
        using var row = A(3);
        using var e = row.Expand(2, 3);
        Assert.Equal(new long[] { 0, 1, 2, 0, 1, 2 }, e.ToArray<long>());
        using var rep = row.Repeat(2, 2);
        Assert.Equal(new long[] { 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2 }, rep.ToArray<long>());
        Assert.Equal(new long[] { 2, 1, 0 }, row.Flip(0).ToArray<long>());
        Assert.Equal(new long[] { 2, 0, 1 }, row.Roll(new long[] { 1 }, new long[] { 0 }).ToArray<long>());
    }

    [Fact]
    public void ChunkSplitCatStack()
    {
        using var a = A(7);
        var chunks = a.Chunk(3);
        Assert.Equal(new[] { 3L, 3, 1 }, chunks.Select(c => c.NumberOfElements));
        Assert.Equal(new long[] { 6 }, chunks[2].ToArray<long>());
        var parts = a.Split(new long[] { 2, 5 });
        Assert.Equal(new long[] { 2, 3, 4, 5, 6 }, parts[1].ToArray<long>());
        using var cat = torch.Cat(new[] { parts[1], parts[0] });
        Assert.Equal(new long[] { 2, 3, 4, 5, 6, 0, 1 }, cat.ToArray<long>());
        using var s = torch.Stack(new[] { chunks[0], chunks[1] }, 1);
        Assert.Equal(new long[] { 3, 2 }, s.Shape);
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, s.ToArray<long>());
        foreach (var t in chunks.Concat(parts)) t.Dispose();
    }

    [Fact]
    public void IndexerFollowsPythonSemantics()
    {
        using var a = A(3, 4);
        Assert.Equal(new long[] { 4, 5, 6, 7 }, a[1].ToArray<long>());
        Assert.Equal(0, a[-1, -1].Dim);
        Assert.Equal(11, a[-1, -1].ToInt64());
        Assert.Equal(new long[] { 1, 5, 9 }, a[.., 1].ToArray<long>());
        Assert.Equal(new long[] { 2, 4 }, a[1..3].Shape);
        Assert.Equal(new long[] { 8, 9, 10, 11 }, a[^1..].ToArray<long>());
        Assert.Equal(new long[] { 1, 3, 4 }, a[TensorIndex.None].Shape);
        Assert.Equal(new long[] { 3, 1, 4 }, a[.., TensorIndex.None].Shape);
        Assert.Equal(new long[] { 3, 7, 11 }, a[TensorIndex.Ellipsis, 3].ToArray<long>());
        Assert.Equal(new long[] { 0, 2, 8, 10 }, a[TensorIndex.Slice(0, null, 2), TensorIndex.Slice(null, null, 2)].ToArray<long>());
        using var mask = a.Gt(8);
        Assert.Equal(new long[] { 9, 10, 11 }, a[mask].ToArray<long>());
        using var idx = torch.Tensor(2L, 0L);
        Assert.Equal(new long[] { 8, 9, 10, 11, 0, 1, 2, 3 }, a[idx].ToArray<long>());
        Assert.Equal(new long[] { 2, 0, 6, 4, 10, 8 }, a[.., idx].ToArray<long>());
    }

    [Fact]
    public void SliceBoundsClampLikePython()
    {
        // Python: a[1:10] on 3 rows gives rows 1..2; a[5:] gives an empty tensor.
        using var a = A(3, 2);
        Assert.Equal(new long[] { 2, 3, 4, 5 }, a[TensorIndex.Slice(1, 10)].ToArray<long>());
        Assert.Equal(0, a[TensorIndex.Slice(5, null)].NumberOfElements);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, a[TensorIndex.Slice(-10, -1)].ToArray<long>());
    }

    [Fact]
    public void IndexerAssignmentWritesInPlace()
    {
        using var a = torch.Zeros(new long[] { 3, 4 }, ScalarType.Float64);
        using var seven = torch.Scalar(7.0);
        a[1] = seven;
        using var col = torch.Tensor(1.0, 2.0, 3.0);
        a[.., 0] = col;
        using var mask = a.Eq(7);
        using var minus = torch.Scalar(-1.0);
        a[mask] = minus;
        Assert.Equal(new[] { 1.0, 0, 0, 0, 2, -1, -1, -1, 3, 0, 0, 0 }, a.ToArray<double>());
        using var ones = torch.Ones(new long[] { 3, 1 }, ScalarType.Float64);
        a[.., TensorIndex.Slice(null, null, 2)] = ones;
        Assert.Equal(new[] { 1.0, 0, 1, 0, 1, -1, 1, -1, 1, 0, 1, 0 }, a.ToArray<double>());
    }

    [Fact]
    public void AssignmentThroughAMaskDoesNotIgnoreOtherIndices()
    {
        using var a = torch.Zeros(new long[] { 2, 3 }, ScalarType.Float64);
        using var rows = torch.Tensor(new[] { true, false });
        using var v = torch.Scalar(1.0);
        // Either supported exactly (only a[0, 1:3] set) or refused: never writing the whole row.
        var ex = Record.Exception(() => a[rows, 1..3] = v);
        if (ex is null) Assert.Equal(new[] { 0.0, 1, 1, 0, 0, 0 }, a.ToArray<double>());
        else Assert.IsType<NotSupportedException>(ex);
    }

    [Fact]
    public void GatherIndexSelectIndexPutMaskedFillWhere()
    {
        using var a = A(2, 3);
        using var gi = torch.Tensor(new long[,] { { 2, 0 }, { 1, 1 } });
        Assert.Equal(new long[] { 2, 0, 4, 4 }, a.Gather(1, gi).ToArray<long>());
        using var si = torch.Tensor(2L, 1L);
        Assert.Equal(new long[] { 2, 1, 5, 4 }, a.IndexSelect(1, si).ToArray<long>());
        using var r = torch.Tensor(1L, 0L);
        using var c = torch.Tensor(2L, 0L);
        Assert.Equal(new long[] { 5, 0 }, a.Index(r, c).ToArray<long>());
        using var b = a.Clone();
        using var v = torch.Tensor(-1L, -2L);
        b.IndexPut_(new Tensor?[] { r, c }, v);
        Assert.Equal(new long[] { -2, 1, 2, 3, 4, -1 }, b.ToArray<long>());
        using var odd = a.Remainder(2).Eq(1);
        Assert.Equal(new long[] { 0, 9, 2, 9, 4, 9 }, a.MaskedFill(odd, 9).ToArray<long>());
        using var neg = -a;
        Assert.Equal(new long[] { 0, -1, 2, -3, 4, -5 }, torch.Where(odd, neg, a).ToArray<long>());
        Assert.Equal(new long[] { 1, 3, 5 }, a.MaskedSelect(odd).ToArray<long>());
    }

    [Fact]
    public void TriangularDiagonalOneHotNonzero()
    {
        using var a = A(3, 3);
        Assert.Equal(new long[] { 0, 0, 0, 3, 4, 0, 6, 7, 8 }, a.Tril().ToArray<long>());
        Assert.Equal(new long[] { 0, 1, 2, 0, 0, 5, 0, 0, 0 }, a.Triu(1).ToArray<long>());
        Assert.Equal(new long[] { 0, 4, 8 }, a.Diag().ToArray<long>());
        using var d = torch.Tensor(1L, 2L);
        Assert.Equal(new long[] { 1, 0, 0, 2 }, d.DiagEmbed().ToArray<long>());
        Assert.Equal(new long[] { 0, 1, 0, 0, 0, 1 }, d.OneHot(3).ToArray<long>());
        using var z = torch.Tensor(0L, 3L, 0L, 4L);
        Assert.Equal(new long[] { 1, 3 }, z.Nonzero().ToArray<long>());
    }

    [Fact]
    public void SortTopKArgMax()
    {
        using var t = torch.Tensor(3.0, -1.0, 7.0, 2.0);
        var (sv, si) = t.Sort();
        Assert.Equal(new[] { -1.0, 2, 3, 7 }, sv.ToArray<double>());
        Assert.Equal(new long[] { 1, 3, 0, 2 }, si.ToArray<long>());
        var (tv, ti) = t.TopK(2);
        Assert.Equal(new[] { 7.0, 3 }, tv.ToArray<double>());
        Assert.Equal(new long[] { 2, 0 }, ti.ToArray<long>());
        Assert.Equal(2, t.ArgMax().ToInt64());
        Assert.Equal(1, t.ArgMin().ToInt64());
        var (mv, mi) = t.View(2, 2).Max(1);
        Assert.Equal(new[] { 3.0, 7 }, mv.ToArray<double>());
        Assert.Equal(new long[] { 0, 0 }, mi.ToArray<long>());
        foreach (var x in new[] { sv, si, tv, ti, mv, mi }) x.Dispose();
    }
}
