using GameDrift.Torch;
using GameDrift.Torch.nn;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>Pooling, resizing, padding and embedding against direct index arithmetic.</summary>
public class ResampleReferenceTests
{
    private static Tensor Grid(long h, long w) => torch.Arange(h * w, ScalarType.Float64).Reshape(1, 1, h, w);

    [Fact]
    public void MaxAndAveragePooling()
    {
        using var scope = torch.NewDisposeScope();
        var x = Grid(4, 5); // x[i, j] = 5 i + j
        // 2x2 windows, stride 2: maxima at the bottom-right corner of each window.
        Assert.Equal(new[] { 6.0, 8, 16, 18 }, F.MaxPool2d(x, new long[] { 2 }).ToArray<double>());
        // 3x3, stride 2, padding 1: the average counts the zero padding (count_include_pad).
        var avg = F.AvgPool2d(x, new long[] { 3 }, new long[] { 2 }, new long[] { 1 }).ToArray<double>();
        Assert.Equal(new long[] { 1, 1, 2, 3 }, F.AvgPool2d(x, new long[] { 3 }, new long[] { 2 }, new long[] { 1 }).Shape);
        Assert.Equal((0 + 1 + 5 + 6) / 9.0, avg[0], 12);
        Assert.Equal((6 + 7 + 8 + 11 + 12 + 13 + 16 + 17 + 18) / 9.0, avg[4], 12);
        var ad = F.AdaptiveAvgPool2d(x, 2, 1).ToArray<double>();
        Assert.Equal(Enumerable.Range(0, 10).Average(), ad[0], 12);
        Assert.Equal(Enumerable.Range(10, 10).Average(), ad[1], 12);
    }

    [Fact]
    public void NearestAndBilinearResizing()
    {
        using var scope = torch.NewDisposeScope();
        var x = Grid(2, 3);
        // nearest: source index floor(dst * in / out).
        var n = F.Interpolate(x, 4, 6, InterpolationMode.Nearest).ToArray<double>();
        for (var i = 0; i < 4; i++) for (var j = 0; j < 6; j++) Assert.Equal(3 * (i * 2 / 4) + j * 3 / 6, n[i * 6 + j]);
        // bilinear, align_corners=false: source coordinate (dst + 0.5) * in / out - 0.5, clamped at 0.
        var b = F.Interpolate(x, 4, 6, InterpolationMode.Bilinear).ToArray<double>();
        for (var i = 0; i < 4; i++)
        for (var j = 0; j < 6; j++)
        {
            double si = Math.Clamp((i + 0.5) * 2 / 4 - 0.5, 0, 1), sj = Math.Clamp((j + 0.5) * 3 / 6 - 0.5, 0, 2);
            Assert.Equal(3 * si + sj, b[i * 6 + j], 12); // bilinear reproduces the linear function 3 i + j
        }
        // align_corners=true maps corners to corners: source = dst * (in - 1) / (out - 1).
        var a = F.Interpolate(x, 3, 5, InterpolationMode.Bilinear, alignCorners: true).ToArray<double>();
        for (var i = 0; i < 3; i++) for (var j = 0; j < 5; j++) Assert.Equal(3 * (i * 1.0 / 2) + j * 2.0 / 4, a[i * 5 + j], 12);
        Assert.Equal(new long[] { 1, 1, 4, 6 }, F.Interpolate(x, 2.0, InterpolationMode.Nearest).Shape);
    }

    [Fact]
    public void PaddingModes()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.Tensor(1.0, 2.0, 3.0).Reshape(1, 1, 3);
        var pads = new long[] { 2, 1 };
        Assert.Equal(new[] { 9.0, 9, 1, 2, 3, 9 }, F.Pad(x, pads, PaddingMode.Constant, 9).ToArray<double>());
        Assert.Equal(new[] { 3.0, 2, 1, 2, 3, 2 }, F.Pad(x, pads, PaddingMode.Reflect).ToArray<double>());
        Assert.Equal(new[] { 1.0, 1, 1, 2, 3, 3 }, F.Pad(x, pads, PaddingMode.Replicate).ToArray<double>());
        Assert.Equal(new[] { 2.0, 3, 1, 2, 3, 1 }, F.Pad(x, pads, PaddingMode.Circular).ToArray<double>());
        // Four values pad the last two dims: (left, right, top, bottom).
        var y = F.Pad(Grid(2, 2), new long[] { 1, 0, 0, 2 });
        Assert.Equal(new long[] { 1, 1, 4, 3 }, y.Shape);
        Assert.Equal(new[] { 0.0, 0, 1, 0, 2, 3, 0, 0, 0, 0, 0, 0 }, y.ToArray<double>());
    }

    [Fact]
    public void EmbeddingLooksUpRows()
    {
        using var scope = torch.NewDisposeScope();
        var w = Grid(4, 2).Reshape(4, 2);
        var e = F.Embedding(torch.Tensor(new long[,] { { 3, 0 }, { 1, 1 } }), w);
        Assert.Equal(new long[] { 2, 2, 2 }, e.Shape);
        Assert.Equal(new[] { 6.0, 7, 0, 1, 2, 3, 2, 3 }, e.ToArray<double>());
    }

    [Fact]
    public void DropoutKeepsExpectationAndScalesSurvivors()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.Ones(new long[] { 20000 }, ScalarType.Float64);
        var y = F.Dropout(x, 0.25, training: true).ToArray<double>();
        Assert.All(y, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.75) < 1e-12));
        Assert.InRange(y.Count(v => v == 0) / 20000.0, 0.23, 0.27);
        Assert.True(F.Dropout(x, 0.25, training: false).Equal(x));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.Dropout(x, 1.5));
    }
}
