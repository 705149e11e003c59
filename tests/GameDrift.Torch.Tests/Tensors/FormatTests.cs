using System.Text.Json;
using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>ToString must print what PyTorch 1.13's repr prints. The expected strings were produced by PyTorch.</summary>
public class FormatTests
{
    [Fact]
    public void FloatVector() => Assert.Equal("tensor([1., 2., 3.])", Print(torch.Tensor(1f, 2f, 3f)));

    [Fact]
    public void IntMatrixAlignsRows()
    {
        using var t = torch.Tensor(new long[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal("tensor([[1, 2],\n        [3, 4]])", t.ToString());
    }

    [Fact]
    public void Float64ShowsItsDtypeAndLeafShowsRequiresGrad()
    {
        using var x = torch.Tensor(new[,] { { 1.5, -2.25 }, { 3.0, 4.125 } }, requiresGrad: true);
        Assert.Equal("tensor([[ 1.5000, -2.2500],\n        [ 3.0000,  4.1250]], dtype=torch.float64, requires_grad=True)", x.ToString());
        using var two = torch.Scalar(2.0, ScalarType.Float64);
        using var y = x * two;
        Assert.Equal("tensor([[ 3.0000, -4.5000],\n        [ 6.0000,  8.2500]], dtype=torch.float64, grad_fn=<MulBackward0>)", y.ToString());
        using var s = y.Sum();
        Assert.Equal("tensor(12.7500, dtype=torch.float64, grad_fn=<SumBackward0>)", s.ToString());
    }

    [Fact]
    public void ScalarsBoolsAndOtherIntegerTypes()
    {
        Assert.Equal("tensor(3.5000)", Print(torch.Scalar(3.5)));
        Assert.Equal("tensor(7)", Print(torch.Scalar(7, ScalarType.Int64)));
        Assert.Equal("tensor([ True, False])", Print(torch.Tensor(new[] { true, false })));
        Assert.Equal("tensor([1, 2], dtype=torch.int32)", Print(torch.Tensor(new[] { 1, 2 })));
        Assert.Equal("tensor([1, 2], dtype=torch.uint8)", Print(torch.Tensor(new byte[] { 1, 2 })));
    }

    [Fact]
    public void ScientificAndNonFinite()
    {
        Assert.Equal("tensor([1.0000e-05, 1.0000e+00])", Print(torch.Tensor(1e-5f, 1f)));
        Assert.Equal("tensor([1.0000e+08, 1.0000e+00])", Print(torch.Tensor(1e8f, 1f)));
        Assert.Equal("tensor([   nan, 1.5000,   -inf])", Print(torch.Tensor(float.NaN, 1.5f, float.NegativeInfinity)));
        Assert.Equal("tensor([-0.0000, 0.5000])", Print(torch.Tensor(-0f, 0.5f)));
    }

    [Fact]
    public void ThreeDimensionsAndEmpty()
    {
        using var a = torch.Arange(12, ScalarType.Float32);
        Assert.Equal("tensor([[[ 0.,  1.,  2.],\n         [ 3.,  4.,  5.]],\n\n        [[ 6.,  7.,  8.],\n         [ 9., 10., 11.]]])", Print(a.Reshape(2, 2, 3)));
        Assert.Equal("tensor([], size=(0, 3), dtype=torch.float64)", Print(torch.Zeros(new long[] { 0, 3 }, ScalarType.Float64)));
        Assert.Equal("tensor([])", Print(torch.Zeros(0)));
    }

    [Fact]
    public void LongRowsWrapAtEightyColumns()
    {
        using var t = torch.Arange(30);
        Assert.Equal("tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17,\n        18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])", t.ToString());
    }

    public static TheoryData<string> Cases() => new(Expected().Keys);

    /// <summary>Many shapes, dtypes and value ranges printed by PyTorch (Fixtures/format_cases.*).</summary>
    [Theory, MemberData(nameof(Cases))]
    public void MatchesPyTorchRepr(string name)
    {
        var tensors = torch.Load(Fixture.Path("format_cases.pt"));
        try
        {
            Assert.Equal(Expected()[name], tensors[name].ToString());
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    private static Dictionary<string, string> Expected() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Fixture.Path("format_cases.json")))!;

    private static string Print(Tensor t)
    {
        using (t) return t.ToString();
    }
}
