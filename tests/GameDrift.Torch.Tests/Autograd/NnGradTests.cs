using GameDrift.Torch;
using GameDrift.Torch.nn;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>nn.functional layers: gradients with respect to inputs and parameters, first and second order.</summary>
public class NnGradTests
{
    private static long[] P(params long[] v) => v;

    private static readonly Dictionary<string, (long[][] Shapes, Func<Tensor[], Tensor> F)> Cases = new()
    {
        ["linear"] = (new[] { P(3, 4), P(2, 4), P(2) }, x => F.Linear(x[0], x[1], x[2])),
        ["linear no bias 3d"] = (new[] { P(2, 2, 4), P(3, 4) }, x => F.Linear(x[0], x[1])),
        ["conv2d stride padding"] = (new[] { P(1, 2, 5, 5), P(3, 2, 3, 3), P(3) },
            x => F.Conv2d(x[0], x[1], x[2], stride: P(2), padding: P(1))),
        ["conv2d groups"] = (new[] { P(1, 4, 4, 4), P(4, 2, 3, 3) }, x => F.Conv2d(x[0], x[1], groups: 2, padding: P(1, 0))),
        ["conv2d dilation"] = (new[] { P(1, 1, 6, 6), P(2, 1, 2, 2), P(2) }, x => F.Conv2d(x[0], x[1], x[2], dilation: P(2))),
        ["conv1d"] = (new[] { P(2, 2, 6), P(3, 2, 3), P(3) }, x => F.Conv1d(x[0], x[1], x[2], stride: 2, padding: 1)),
        ["conv_transpose2d stride output_padding"] = (new[] { P(1, 2, 3, 3), P(2, 2, 3, 3), P(2) },
            x => F.ConvTranspose2d(x[0], x[1], x[2], stride: P(2), padding: P(1), outputPadding: P(1))),
        ["conv_transpose2d groups"] = (new[] { P(1, 4, 2, 2), P(4, 1, 4, 4) },
            x => F.ConvTranspose2d(x[0], x[1], stride: P(2), padding: P(1), groups: 2)),
        ["conv_transpose2d dilation"] = (new[] { P(1, 1, 3, 3), P(1, 2, 2, 2) }, x => F.ConvTranspose2d(x[0], x[1], dilation: P(2))),
        ["batch_norm train"] = (new[] { P(4, 3, 2, 2), P(3), P(3) }, x => F.BatchNorm(x[0], null, null, x[1], x[2], training: true)),
        ["batch_norm train running stats"] = (new[] { P(5, 2) },
            x => F.BatchNorm(x[0], torch.Zeros(new long[] { 2 }, ScalarType.Float64), torch.Ones(new long[] { 2 }, ScalarType.Float64), training: true)),
        ["batch_norm eval"] = (new[] { P(3, 2, 2), P(2), P(2) },
            x => F.BatchNorm(x[0], torch.Tensor(0.5, -1.0), torch.Tensor(2.0, 0.5), x[1], x[2], training: false)),
        ["layer_norm"] = (new[] { P(2, 3, 4), P(3, 4), P(3, 4) }, x => F.LayerNorm(x[0], P(3, 4), x[1], x[2])),
        ["layer_norm plain"] = (new[] { P(3, 5) }, x => F.LayerNorm(x[0], P(5))),
        ["group_norm"] = (new[] { P(2, 4, 3), P(4), P(4) }, x => F.GroupNorm(x[0], 2, x[1], x[2])),
        ["dropout eval"] = (new[] { P(3, 3) }, x => F.Dropout(x[0], 0.5, training: false)),
        ["dropout p=0"] = (new[] { P(3, 3) }, x => F.Dropout(x[0], 0)),
        ["embedding"] = (new[] { P(5, 3) }, x => F.Embedding(torch.Tensor(new long[] { 4, 0, 4, 2 }), x[0])),
        ["avg_pool2d"] = (new[] { P(1, 2, 5, 5) }, x => F.AvgPool2d(x[0], P(3), P(2), P(1))),
        ["adaptive_avg_pool2d"] = (new[] { P(1, 2, 5, 4) }, x => F.AdaptiveAvgPool2d(x[0], 2, 3)),
        ["interpolate nearest"] = (new[] { P(1, 2, 3, 2) }, x => F.Interpolate(x[0], 5, 4, InterpolationMode.Nearest)),
        ["interpolate bilinear"] = (new[] { P(1, 2, 3, 3) }, x => F.Interpolate(x[0], 5, 4, InterpolationMode.Bilinear)),
        ["interpolate bilinear align corners"] = (new[] { P(1, 1, 3, 3) }, x => F.Interpolate(x[0], 4, 6, InterpolationMode.Bilinear, alignCorners: true)),
        ["interpolate bicubic"] = (new[] { P(1, 1, 3, 3) }, x => F.Interpolate(x[0], 5, 5, InterpolationMode.Bicubic)),
        ["interpolate scale factor"] = (new[] { P(1, 1, 2, 3) }, x => F.Interpolate(x[0], 2.0, InterpolationMode.Bilinear)),
        ["pad constant"] = (new[] { P(1, 2, 3, 3) }, x => F.Pad(x[0], P(1, 2, 0, 1), PaddingMode.Constant, 0.5)),
        ["pad reflect"] = (new[] { P(1, 2, 3, 3) }, x => F.Pad(x[0], P(2, 1, 1, 2), PaddingMode.Reflect)),
        ["pad replicate"] = (new[] { P(1, 2, 3, 3) }, x => F.Pad(x[0], P(1, 1, 2, 0), PaddingMode.Replicate)),
        ["pad circular"] = (new[] { P(1, 2, 3, 3) }, x => F.Pad(x[0], P(1, 2, 2, 1), PaddingMode.Circular)),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory, MemberData(nameof(Names))]
    public void MatchesFiniteDifferences(string name)
    {
        var (shapes, f) = Cases[name];
        using var rng = new Rng(41);
        var xs = shapes.Select(s => rng.Normal(s)).ToArray();
        GradCheck.Assert(f, xs);
        foreach (var x in xs) x.Dispose();
    }

    [Fact]
    public void MaxPoolOnDistinctValues()
    {
        using var rng = new Rng(42);
        using var x = rng.Distinct(1, 2, 5, 5);
        GradCheck.Assert(t => F.MaxPool2d(t[0], P(2)), x);
        GradCheck.Assert(t => F.MaxPool2d(t[0], P(3), P(2), P(1)), x);
    }
}
