using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

public class CreationTests
{
    [Fact]
    public void ZerosOnesFullHaveValuesShapeAndDtype()
    {
        using var z = torch.Zeros(2, 3);
        Assert.Equal(new long[] { 2, 3 }, z.Shape);
        Assert.Equal(ScalarType.Float32, z.DType);
        Assert.All(z.ToArray<float>(), v => Assert.Equal(0f, v));
        using var o = torch.Ones(new long[] { 4 }, ScalarType.Int64);
        Assert.Equal(new long[] { 1, 1, 1, 1 }, o.ToArray<long>());
        using var f = torch.Full(new long[] { 2, 2 }, -2.5, ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, f.DType);
        Assert.Equal(new[] { -2.5, -2.5, -2.5, -2.5 }, f.ToArray<double>());
        using var e = torch.Empty(new long[] { 3, 0, 2 });
        Assert.Equal(0, e.NumberOfElements);
        using var s = torch.Scalar(4, ScalarType.Int64);
        Assert.Equal(0, s.Dim);
        Assert.Equal(4L, s.Item<long>());
    }

    [Fact]
    public void FactoriesHonourRequiresGrad()
    {
        var shape = new long[] { 2 };
        using var z = torch.Zeros(shape, requiresGrad: true);
        using var o = torch.Ones(shape, ScalarType.Float64, requiresGrad: true);
        using var f = torch.Full(shape, 3, requiresGrad: true);
        using var e = torch.Empty(shape, requiresGrad: true);
        using var s = torch.Scalar(1.5, requiresGrad: true);
        using var r = torch.Randn(shape, requiresGrad: true);
        foreach (var t in new[] { z, o, f, e, s, r }) Assert.True(t.RequiresGrad && t.IsLeaf);
        using var y = (z + o.Float() * f).Sum();
        var g = Autograd.Grad(y, new[] { z, o, f });
        Assert.Equal(new[] { 1f, 1f }, g[0]!.ToArray<float>());
        Assert.Equal(new[] { 3.0, 3.0 }, g[1]!.ToArray<double>());
        Assert.Equal(new[] { 1f, 1f }, g[2]!.ToArray<float>());
        using var plain = torch.Zeros(shape);
        Assert.False(plain.RequiresGrad);
    }

    [Fact]
    public void ArangeFollowsPyTorchDtypeRules()
    {
        using var ints = torch.Arange(5);
        Assert.Equal(ScalarType.Int64, ints.DType);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, ints.ToArray<long>());
        using var steps = torch.Arange(0, 1, 0.25);
        Assert.Equal(ScalarType.Float32, steps.DType);
        Assert.Equal(new[] { 0f, 0.25f, 0.5f, 0.75f }, steps.ToArray<float>());
        using var down = torch.Arange(3, -3, -2, ScalarType.Float64);
        Assert.Equal(new[] { 3.0, 1, -1 }, down.ToArray<double>());
        Assert.Throws<ArgumentException>(() => torch.Arange(0, 1, 0));
    }

    [Fact]
    public void LinspaceAndEye()
    {
        using var l = torch.Linspace(-1, 1, 5, ScalarType.Float64);
        Assert.Equal(new[] { -1.0, -0.5, 0, 0.5, 1 }, l.ToArray<double>());
        using var i = torch.Eye(3);
        Assert.Equal(new[] { 1f, 0, 0, 0, 1, 0, 0, 0, 1 }, i.ToArray<float>());
        using var r = torch.Eye(2, 3, ScalarType.Int64);
        Assert.Equal(new long[] { 2, 3 }, r.Shape);
        Assert.Equal(new long[] { 1, 0, 0, 0, 1, 0 }, r.ToArray<long>());
    }

    [Fact]
    public void FromArraysAndSpansCopiesTheData()
    {
        var data = new[] { 1.0, 2, 3, 4, 5, 6 };
        using var t = torch.Tensor(data, new long[] { 2, 3 });
        data[0] = 100; // the tensor owns a copy
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6 }, t.ToArray<double>());
        Assert.Equal(ScalarType.Float64, t.DType);
        using var m = torch.Tensor(new[,] { { 1f, 2f }, { 3f, 4f }, { 5f, 6f } });
        Assert.Equal(new long[] { 3, 2 }, m.Shape);
        Assert.Equal(4f, m[1, 1].ToSingle());
        ReadOnlySpan<long> span = new long[] { 9, 8, 7, 6, 5 };
        using var s = torch.Tensor(span[1..4]);
        Assert.Equal(new long[] { 8, 7, 6 }, s.ToArray<long>());
        using var b = torch.Tensor(new[] { true, false });
        Assert.Equal(ScalarType.Bool, b.DType);
        using var i32 = torch.Tensor(new[] { 1, -2 });
        Assert.Equal(ScalarType.Int32, i32.DType);
        using var u8 = torch.Tensor(new byte[] { 255, 0 });
        Assert.Equal(new byte[] { 255, 0 }, u8.ToArray<byte>());
        using var g = torch.Tensor(new[] { 1.0, 2.0 }, requiresGrad: true);
        Assert.True(g.RequiresGrad && g.IsLeaf);
        Assert.Throws<ArgumentException>(() => torch.Tensor(new[] { 1f, 2f, 3f }, new long[] { 2, 2 }));
    }

    [Fact]
    public void ParamsOverloadsPickTheElementType()
    {
        using var d = torch.Tensor(1.0, 2.0);
        using var f = torch.Tensor(1f, 2f);
        using var l = torch.Tensor(1L, 2L);
        Assert.Equal((ScalarType.Float64, ScalarType.Float32, ScalarType.Int64), (d.DType, f.DType, l.DType));
    }

    [Fact]
    public void ConversionsAndItem()
    {
        using var t = torch.Tensor(1.75, -2.25);
        Assert.Equal(new[] { 1.75f, -2.25f }, t.ToArray<float>());
        Assert.Equal(new long[] { 1, -2 }, t.ToArray<long>()); // truncation toward zero, as .long()
        using var i = t.Long();
        Assert.Equal(ScalarType.Int64, i.DType);
        using var b = t.Bool();
        Assert.Equal(new[] { true, true }, b.ToArray<bool>());
        using var one = t[1];
        Assert.Equal(-2.25, one.ToDouble());
        Assert.Equal(-2.25f, one.Item<float>());
        Assert.True(one.ToBoolean());
        var ex = Assert.Throws<TorchException>(() => t.Item<double>());
        Assert.Contains("a Tensor with 2 elements cannot be converted to Scalar", ex.Message);
        using var big = torch.Scalar(3e9, ScalarType.Int64);
        Assert.Throws<OverflowException>(() => big.Item<int>());
    }

    [Fact]
    public void LikeFactoriesKeepDtypeAndShape()
    {
        using var x = torch.Ones(new long[] { 2, 3 }, ScalarType.Float64);
        using var z = torch.ZerosLike(x);
        using var o = torch.OnesLike(x);
        using var f = torch.FullLike(x, 7);
        foreach (var t in new[] { z, o, f })
        {
            Assert.Equal(ScalarType.Float64, t.DType);
            Assert.Equal(new long[] { 2, 3 }, t.Shape);
        }
        Assert.Equal(42.0, f.Sum().ToDouble());
    }

    [Fact]
    public void CloneIsIndependentAndCopyBroadcastsAndConverts()
    {
        using var a = torch.Zeros(2, 3);
        using var c = a.Clone();
        c.Fill_(5);
        Assert.Equal(0.0, a.Sum().ToDouble());
        using var row = torch.Tensor(1.0, 2.0, 3.0);
        a.Copy_(row);
        Assert.Equal(new[] { 1f, 2, 3, 1, 2, 3 }, a.ToArray<float>());
    }
}
