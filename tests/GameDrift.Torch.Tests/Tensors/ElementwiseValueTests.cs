using GameDrift.Torch;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>Forward values against System.Math: gradient checks cannot see an op wired to the wrong kernel
/// (sin mapped to cos still has a consistent gradient), value checks can.</summary>
public class ElementwiseValueTests
{
    private static readonly double[] X = { -2.5, -1.2, -0.3, 0.4, 0.5, 1.5, 2.7 };
    private static readonly double[] Pos = { 0.2, 0.5, 1.0, 2.5, 7.0 };

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static TheoryData<string> Names => new(Unary.Keys);

    private static readonly Dictionary<string, (Func<Tensor, Tensor> Op, Func<double, double> Expected, bool Positive)> Unary = new()
    {
        ["neg"] = (t => t.Neg(), x => -x, false),
        ["exp"] = (t => t.Exp(), Math.Exp, false),
        ["expm1"] = (t => t.Expm1(), x => Math.Exp(x) - 1, false),
        ["log"] = (t => t.Log(), Math.Log, true),
        ["log1p"] = (t => t.Log1p(), x => Math.Log(1 + x), true),
        ["log2"] = (t => t.Log2(), Math.Log2, true),
        ["log10"] = (t => t.Log10(), Math.Log10, true),
        ["sqrt"] = (t => t.Sqrt(), Math.Sqrt, true),
        ["rsqrt"] = (t => t.Rsqrt(), x => 1 / Math.Sqrt(x), true),
        ["square"] = (t => t.Square(), x => x * x, false),
        ["reciprocal"] = (t => t.Reciprocal(), x => 1 / x, false),
        ["abs"] = (t => t.Abs(), Math.Abs, false),
        ["sign"] = (t => t.Sign(), x => Math.Sign(x), false),
        ["tanh"] = (t => t.Tanh(), Math.Tanh, false),
        ["sigmoid"] = (t => t.Sigmoid(), Sigmoid, false),
        ["relu"] = (t => t.Relu(), x => Math.Max(x, 0), false),
        ["sin"] = (t => t.Sin(), Math.Sin, false),
        ["cos"] = (t => t.Cos(), Math.Cos, false),
        ["tan"] = (t => t.Tan(), Math.Tan, false),
        ["asin"] = (t => (t * 0.3).Asin(), x => Math.Asin(0.3 * x), false),
        ["acos"] = (t => (t * 0.3).Acos(), x => Math.Acos(0.3 * x), false),
        ["atan"] = (t => t.Atan(), Math.Atan, false),
        ["sinh"] = (t => t.Sinh(), Math.Sinh, false),
        ["cosh"] = (t => t.Cosh(), Math.Cosh, false),
        ["floor"] = (t => t.Floor(), Math.Floor, false),
        ["ceil"] = (t => t.Ceil(), Math.Ceiling, false),
        ["round half to even"] = (t => t.Round(), x => Math.Round(x, MidpointRounding.ToEven), false),
        ["trunc"] = (t => t.Trunc(), Math.Truncate, false),
        ["log_sigmoid"] = (t => t.LogSigmoid(), x => Math.Log(Sigmoid(x)), false),
        ["silu"] = (t => t.Silu(), x => x * Sigmoid(x), false),
        ["elu"] = (t => t.Elu(), x => x > 0 ? x : Math.Exp(x) - 1, false),
        ["selu"] = (t => t.Selu(), x => 1.0507009873554804934193349852946 * (x > 0 ? x : 1.6732632423543772848170429916717 * (Math.Exp(x) - 1)), false),
        ["softplus"] = (t => t.Softplus(), x => Math.Log(1 + Math.Exp(x)), false),
        ["softplus beta threshold"] = (t => t.Softplus(2, 3), x => 2 * x > 3 ? x : Math.Log(1 + Math.Exp(2 * x)) / 2, false),
        ["leaky_relu"] = (t => t.LeakyRelu(0.2), x => x > 0 ? x : 0.2 * x, false),
        ["hardtanh"] = (t => F.Hardtanh(t, -1, 2), x => Math.Clamp(x, -1, 2), false),
        ["clamp"] = (t => t.Clamp(-1, 0.45), x => Math.Clamp(x, -1, 0.45), false),
        ["clamp min only"] = (t => t.Clamp(min: 0.45), x => Math.Max(x, 0.45), false),
        ["pow"] = (t => t.Pow(1.5), x => Math.Pow(x, 1.5), true),
        ["rpow"] = (t => Tensor.Pow(1.5, t), x => Math.Pow(1.5, x), false),
        ["x - s"] = (t => t - 0.75, x => x - 0.75, false),
        ["s - x"] = (t => 0.75 - t, x => 0.75 - x, false),
        ["s / x"] = (t => 0.75 / t, x => 0.75 / x, false),
        ["x / s"] = (t => t / 0.75, x => x / 0.75, false),
        ["remainder"] = (t => t.Remainder(0.7), x => x - 0.7 * Math.Floor(x / 0.7), false),
        ["fmod"] = (t => t.Fmod(0.7), x => x - 0.7 * Math.Truncate(x / 0.7), false),
    };

    [Theory, MemberData(nameof(Names))]
    public void UnaryMatchesSystemMath(string name)
    {
        var (op, expected, positive) = Unary[name];
        var xs = positive ? Pos : X;
        using var t = torch.Tensor(xs);
        using var y = op(t);
        var got = y.ToArray<double>();
        for (var i = 0; i < xs.Length; i++)
            Assert.True(Math.Abs(expected(xs[i]) - got[i]) <= 1e-12 * (1 + Math.Abs(got[i])), $"{name}({xs[i]}): expected {expected(xs[i]):R}, got {got[i]:R}");
    }

    [Fact]
    public void SpecialFunctionsAtKnownPoints()
    {
        using var t = torch.Tensor(0.5, 1.0, 2.0);
        var erf = t.Erf().ToArray<double>();
        Assert.Equal(0.52049987781304654, erf[0], 14);
        Assert.Equal(0.84270079294971487, erf[1], 14);
        var lg = t.Lgamma().ToArray<double>();
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI)), lg[0], 14);
        Assert.Equal(0.0, lg[1], 14);
        var dg = t.Digamma().ToArray<double>();
        Assert.Equal(-0.57721566490153286, dg[1], 14); // -Euler–Mascheroni
        Assert.Equal(1 - 0.57721566490153286, dg[2], 14);
        var gelu = t.Gelu().ToArray<double>();
        Assert.Equal(1.0 * 0.5 * (1 + 0.68268949213708585), gelu[1], 12); // x Φ(x), Φ(1) = (1 + erf(1/√2)) / 2
    }

    [Fact]
    public void BinaryTensorOpsMatchArithmetic()
    {
        double[] a = { 1.5, -2.0, 3.25, 0.5 }, b = { 0.5, 4.0, -1.5, 2.0 };
        using var ta = torch.Tensor(a);
        using var tb = torch.Tensor(b);
        void Check(Tensor r, Func<double, double, double> f)
        {
            using (r)
            {
                var v = r.ToArray<double>();
                for (var i = 0; i < a.Length; i++) Assert.Equal(f(a[i], b[i]), v[i], 12);
            }
        }
        Check(ta + tb, (x, y) => x + y);
        Check(ta.Add(tb, 3), (x, y) => x + 3 * y);
        Check(ta - tb, (x, y) => x - y);
        Check(ta * tb, (x, y) => x * y);
        Check(ta / tb, (x, y) => x / y);
        Check(ta.Abs().Pow(tb), (x, y) => Math.Pow(Math.Abs(x), y));
        Check(ta.Maximum(tb), Math.Max);
        Check(ta.Minimum(tb), Math.Min);
        Check(ta.Atan2(tb), Math.Atan2);
        Check(ta.Remainder(tb), (x, y) => x - y * Math.Floor(x / y));
        Check(ta.FloorDivide(tb), (x, y) => Math.Floor(x / y));
        Check(ta.Lerp(tb, 0.25), (x, y) => x + 0.25 * (y - x));
        Check(ta.Gt(tb).Double(), (x, y) => x > y ? 1 : 0);
        Check(ta.Le(tb).Double(), (x, y) => x <= y ? 1 : 0);
        Check(ta.Eq(tb).Double(), (x, y) => x == y ? 1 : 0);
        Check(ta.Ne(tb).Double(), (x, y) => x != y ? 1 : 0);
        Check((ta > 0 & tb > 0).Double(), (x, y) => x > 0 && y > 0 ? 1 : 0);
        Check((ta > 0 | tb > 0).Double(), (x, y) => x > 0 || y > 0 ? 1 : 0);
        Check((!(ta > 0)).Double(), (x, _) => x > 0 ? 0 : 1);
        Check(ta.LogicalXor(tb.Gt(0)).Double(), (x, y) => (x != 0) ^ (y > 0) ? 1 : 0);
    }

    [Fact]
    public void IntegerTensorsStayIntegral()
    {
        using var i = torch.Tensor(7L, -7L);
        using var plus = i + 1;
        Assert.Equal(ScalarType.Int64, plus.DType);
        Assert.Equal(new long[] { 8, -6 }, plus.ToArray<long>());
        using var times = 3 * i;
        Assert.Equal(new long[] { 21, -21 }, times.ToArray<long>());
        using var minus = 1L - i;
        Assert.Equal(new long[] { -6, 8 }, minus.ToArray<long>());
        using var div = i / 2; // true division, as in Python 3
        Assert.Equal(ScalarType.Float32, div.DType);
        Assert.Equal(new[] { 3.5f, -3.5f }, div.ToArray<float>());
        using var two = torch.Tensor(2L, 2L);
        Assert.Equal(new long[] { 3, -4 }, i.FloorDivide(two).ToArray<long>());
        Assert.Equal(new long[] { 1, 1 }, (i % two).ToArray<long>()); // Python's sign-of-divisor remainder
        using var f = torch.Tensor(0.5f, 0.5f);
        Assert.Equal(ScalarType.Float32, (i * f).DType); // int64 * float32 promotes to float32
    }
}
