using GameDrift.Torch;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>Convolutions against direct loops: proves stride, padding, dilation, groups and output padding reach
/// libtorch in the right places (a gradient check cannot tell padding from dilation).</summary>
public class ConvReferenceTests
{
    private static Nd Conv2d(Nd x, Nd w, Nd? b, long sh, long sw, long ph, long pw, long dh, long dw, long groups)
    {
        long n = x.Shape[0], h = x.Shape[2], wd = x.Shape[3];
        long cout = w.Shape[0], cpg = w.Shape[1], kh = w.Shape[2], kw = w.Shape[3];
        long oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1, ow = (wd + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        var y = new Nd(n, cout, oh, ow);
        var outPerGroup = cout / groups;
        for (long s = 0; s < n; s++)
        for (long o = 0; o < cout; o++)
        for (long i = 0; i < oh; i++)
        for (long j = 0; j < ow; j++)
        {
            var acc = b?[o] ?? 0;
            var g = o / outPerGroup;
            for (long c = 0; c < cpg; c++)
            for (long u = 0; u < kh; u++)
            for (long v = 0; v < kw; v++)
            {
                long r = i * sh - ph + u * dh, q = j * sw - pw + v * dw;
                if (r >= 0 && r < h && q >= 0 && q < wd) acc += x[s, g * cpg + c, r, q] * w[o, c, u, v];
            }
            y[s, o, i, j] = acc;
        }
        return y;
    }

    /// <summary>Transposed convolution as a scatter: input pixel (r, q) adds w * x at (r s - p + u d, q s - p + v d).</summary>
    private static Nd ConvTranspose2d(Nd x, Nd w, Nd? b, long s, long p, long op, long d, long groups)
    {
        long n = x.Shape[0], cin = x.Shape[1], h = x.Shape[2], wd = x.Shape[3];
        long opg = w.Shape[1], kh = w.Shape[2], kw = w.Shape[3];
        long cout = opg * groups, inPerGroup = cin / groups;
        long oh = (h - 1) * s - 2 * p + d * (kh - 1) + op + 1, ow = (wd - 1) * s - 2 * p + d * (kw - 1) + op + 1;
        var y = new Nd(n, cout, oh, ow);
        for (long sm = 0; sm < n; sm++)
        for (long o = 0; o < cout; o++)
        for (long i = 0; i < oh; i++)
        for (long j = 0; j < ow; j++)
            y[sm, o, i, j] = b?[o] ?? 0;
        for (long sm = 0; sm < n; sm++)
        for (long c = 0; c < cin; c++)
        for (long r = 0; r < h; r++)
        for (long q = 0; q < wd; q++)
        for (long k = 0; k < opg; k++)
        for (long u = 0; u < kh; u++)
        for (long v = 0; v < kw; v++)
        {
            long i = r * s - p + u * d, j = q * s - p + v * d;
            var o = c / inPerGroup * opg + k;
            if (i >= 0 && i < oh && j >= 0 && j < ow) y[sm, o, i, j] += x[sm, c, r, q] * w[c, k, u, v];
        }
        return y;
    }

    [Theory]
    [InlineData(1, 1, 0, 0, 1, 1, 1)]
    [InlineData(2, 1, 1, 2, 1, 1, 1)]
    [InlineData(1, 2, 2, 0, 2, 1, 1)]
    [InlineData(2, 2, 1, 1, 1, 2, 2)]
    public void Conv2dMatchesLoops(long sh, long sw, long ph, long pw, long dh, long dw, long groups)
    {
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(61);
        var x = rng.Normal(2, 4, 7, 6);
        var w = rng.Normal(6, 4 / groups, 3, 2);
        var b = rng.Normal(6);
        var y = F.Conv2d(x, w, b, new[] { sh, sw }, new[] { ph, pw }, new[] { dh, dw }, groups);
        Nd.AssertClose(Conv2d(Nd.Of(x), Nd.Of(w), Nd.Of(b), sh, sw, ph, pw, dh, dw, groups), y);
    }

    [Theory]
    [InlineData(1, 0, 0, 1, 1)]
    [InlineData(2, 1, 1, 1, 1)]
    [InlineData(2, 0, 1, 2, 1)]
    [InlineData(3, 1, 2, 1, 2)]
    public void ConvTranspose2dMatchesScatter(long s, long p, long op, long d, long groups)
    {
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(62);
        var x = rng.Normal(2, 4, 3, 4);
        var w = rng.Normal(4, 3, 3, 3);
        var b = rng.Normal(3 * groups);
        var y = F.ConvTranspose2d(x, w, b, new[] { s }, new[] { p }, new[] { op }, groups, new[] { d });
        Nd.AssertClose(ConvTranspose2d(Nd.Of(x), Nd.Of(w), Nd.Of(b), s, p, op, d, groups), y);
    }

    [Fact]
    public void Conv1dIsConv2dOnARow()
    {
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(63);
        var x = rng.Normal(2, 2, 9);
        var w = rng.Normal(4, 1, 3);
        var b = rng.Normal(4);
        var y = F.Conv1d(x, w, b, stride: 2, padding: 1, dilation: 2, groups: 2);
        var expected = F.Conv2d(x.Unsqueeze(2), w.Unsqueeze(2), b, new long[] { 1, 2 }, new long[] { 0, 1 }, new long[] { 1, 2 }, 2).Squeeze(2);
        Assert.True(y.AllClose(expected, 1e-12, 1e-12));
        Nd.AssertClose(Conv2d(Nd.Of(x.Unsqueeze(2)), Nd.Of(w.Unsqueeze(2)), Nd.Of(b), 1, 2, 0, 1, 1, 2, 2), y.Unsqueeze(2));
    }

    [Fact]
    public void LinearIsXWTransposedPlusB()
    {
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(64);
        var x = rng.Normal(3, 4);
        var w = rng.Normal(2, 4);
        var b = rng.Normal(2);
        Nd X = Nd.Of(x), W = Nd.Of(w), B = Nd.Of(b);
        var y = new Nd(3, 2);
        for (var i = 0; i < 3; i++)
        for (var o = 0; o < 2; o++)
        {
            y[i, o] = B[o];
            for (var k = 0; k < 4; k++) y[i, o] += X[i, k] * W[o, k];
        }
        Nd.AssertClose(y, F.Linear(x, w, b));
    }
}
