using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

// Op codes shared with native/gd_math.cpp.
internal enum UnaryOp
{
    Neg, Exp, Log, Sqrt, Abs, Tanh, Sigmoid, Relu, Sin, Cos, Floor, Ceil, Round, Sign, Rsqrt, Log1p, Expm1, Square,
    Reciprocal, LogicalNot, IsNan, IsInf, IsFinite, LogSigmoid, Erf, Atan, Tan, Sinh, Cosh, Log2, Log10, Trunc, Silu,
    Gelu, Elu, Selu, Asin, Acos, Lgamma, Digamma, BitwiseNot,
}

internal enum BinaryOp
{
    Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge, Atan2, Remainder, LogicalAnd, LogicalOr,
    LogicalXor, FloorDivide, Fmod, RSub, RDiv, RPow, BitwiseAnd, BitwiseOr, BitwiseXor,
}

public sealed partial class Tensor
{
    private Tensor Un(UnaryOp op) => R(gd_unary((int)op, Handle));
    private Tensor Bin(BinaryOp op, Tensor other) => R(gd_binary((int)op, Handle, other.Handle), other);
    private Tensor BinS(BinaryOp op, double v) => R(gd_binary_scalar((int)op, Handle, v, 0, 0));
    private Tensor BinS(BinaryOp op, long v) => R(gd_binary_scalar((int)op, Handle, v, v, 1));

    // ---- elementwise ----
    public Tensor Neg() => Un(UnaryOp.Neg);
    public Tensor Exp() => Un(UnaryOp.Exp);
    public Tensor Log() => Un(UnaryOp.Log);
    public Tensor Log1p() => Un(UnaryOp.Log1p);
    public Tensor Log2() => Un(UnaryOp.Log2);
    public Tensor Log10() => Un(UnaryOp.Log10);
    public Tensor Expm1() => Un(UnaryOp.Expm1);
    public Tensor Sqrt() => Un(UnaryOp.Sqrt);
    public Tensor Rsqrt() => Un(UnaryOp.Rsqrt);
    public Tensor Square() => Un(UnaryOp.Square);
    public Tensor Reciprocal() => Un(UnaryOp.Reciprocal);
    public Tensor Abs() => Un(UnaryOp.Abs);
    public Tensor Sign() => Un(UnaryOp.Sign);
    public Tensor Tanh() => Un(UnaryOp.Tanh);
    public Tensor Sigmoid() => Un(UnaryOp.Sigmoid);
    public Tensor Relu() => Un(UnaryOp.Relu);
    public Tensor Sin() => Un(UnaryOp.Sin);
    public Tensor Cos() => Un(UnaryOp.Cos);
    public Tensor Tan() => Un(UnaryOp.Tan);
    public Tensor Asin() => Un(UnaryOp.Asin);
    public Tensor Acos() => Un(UnaryOp.Acos);
    public Tensor Atan() => Un(UnaryOp.Atan);
    public Tensor Sinh() => Un(UnaryOp.Sinh);
    public Tensor Cosh() => Un(UnaryOp.Cosh);
    public Tensor Erf() => Un(UnaryOp.Erf);
    public Tensor Lgamma() => Un(UnaryOp.Lgamma);
    public Tensor Digamma() => Un(UnaryOp.Digamma);
    public Tensor Floor() => Un(UnaryOp.Floor);
    public Tensor Ceil() => Un(UnaryOp.Ceil);
    public Tensor Round() => Un(UnaryOp.Round);
    public Tensor Trunc() => Un(UnaryOp.Trunc);
    public Tensor LogSigmoid() => Un(UnaryOp.LogSigmoid);
    public Tensor Silu() => Un(UnaryOp.Silu);
    public Tensor Gelu() => Un(UnaryOp.Gelu);
    public Tensor Elu() => Un(UnaryOp.Elu);
    public Tensor Selu() => Un(UnaryOp.Selu);
    public Tensor LogicalNot() => Un(UnaryOp.LogicalNot);
    public Tensor IsNan() => Un(UnaryOp.IsNan);
    public Tensor IsInf() => Un(UnaryOp.IsInf);
    public Tensor IsFinite() => Un(UnaryOp.IsFinite);
    public Tensor Softplus(double beta = 1, double threshold = 20) => R(gd_softplus(Handle, beta, threshold));
    public Tensor LeakyRelu(double negativeSlope = 0.01) => R(gd_leaky_relu(Handle, negativeSlope));
    public Tensor Softmax(long dim) => R(gd_softmax(Handle, dim));
    public Tensor LogSoftmax(long dim) => R(gd_log_softmax(Handle, dim));
    public Tensor Cumsum(long dim) => R(gd_cumsum(Handle, dim));
    public Tensor NanToNum(double nan = 0, double posinf = double.MaxValue, double neginf = double.MinValue) => R(gd_nan_to_num(Handle, nan, posinf, neginf));

    public Tensor Add(Tensor other, double alpha = 1) => alpha == 1 ? Bin(BinaryOp.Add, other) : R(gd_add_scaled(Handle, other.Handle, alpha), other);
    public Tensor Sub(Tensor other) => Bin(BinaryOp.Sub, other);
    public Tensor Mul(Tensor other) => Bin(BinaryOp.Mul, other);
    public Tensor Div(Tensor other) => Bin(BinaryOp.Div, other);
    public Tensor Pow(Tensor exponent) => Bin(BinaryOp.Pow, exponent);
    public Tensor Pow(double exponent) => BinS(BinaryOp.Pow, exponent);
    public Tensor Maximum(Tensor other) => Bin(BinaryOp.Maximum, other);
    public Tensor Minimum(Tensor other) => Bin(BinaryOp.Minimum, other);
    public Tensor Atan2(Tensor other) => Bin(BinaryOp.Atan2, other);
    public Tensor Remainder(Tensor other) => Bin(BinaryOp.Remainder, other);
    public Tensor Remainder(double other) => BinS(BinaryOp.Remainder, other);
    public Tensor Fmod(double other) => BinS(BinaryOp.Fmod, other);
    public Tensor FloorDivide(Tensor other) => Bin(BinaryOp.FloorDivide, other);
    public Tensor LogicalAnd(Tensor other) => Bin(BinaryOp.LogicalAnd, other);
    public Tensor LogicalOr(Tensor other) => Bin(BinaryOp.LogicalOr, other);
    public Tensor LogicalXor(Tensor other) => Bin(BinaryOp.LogicalXor, other);
    public Tensor Clamp(double? min = null, double? max = null) => R(gd_clamp(Handle, min ?? 0, max ?? 0, min.HasValue ? 1 : 0, max.HasValue ? 1 : 0));
    public Tensor ClampMin(double min) => Clamp(min, null);
    public Tensor ClampMax(double max) => Clamp(null, max);
    public Tensor Lerp(Tensor end, double weight) => R(gd_lerp(Handle, end.Handle, weight), end);

    // ---- comparisons (bool results) ----
    public Tensor Eq(Tensor o) => Bin(BinaryOp.Eq, o);
    public Tensor Ne(Tensor o) => Bin(BinaryOp.Ne, o);
    public Tensor Lt(Tensor o) => Bin(BinaryOp.Lt, o);
    public Tensor Le(Tensor o) => Bin(BinaryOp.Le, o);
    public Tensor Gt(Tensor o) => Bin(BinaryOp.Gt, o);
    public Tensor Ge(Tensor o) => Bin(BinaryOp.Ge, o);
    public Tensor Eq(double v) => BinS(BinaryOp.Eq, v);
    public Tensor Ne(double v) => BinS(BinaryOp.Ne, v);
    public Tensor Lt(double v) => BinS(BinaryOp.Lt, v);
    public Tensor Le(double v) => BinS(BinaryOp.Le, v);
    public Tensor Gt(double v) => BinS(BinaryOp.Gt, v);
    public Tensor Ge(double v) => BinS(BinaryOp.Ge, v);
    /// <summary>True when both have the same shape and values.</summary>
    public bool Equal(Tensor other) { var r = TorchException.Check(gd_equal(Handle, other.Handle)) == 1; GC.KeepAlive(this); GC.KeepAlive(other); return r; }
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8)
    {
        var r = TorchException.Check(gd_allclose(Handle, other.Handle, rtol, atol)) == 1;
        GC.KeepAlive(this); GC.KeepAlive(other);
        return r;
    }

    // ---- operators ----
    public static Tensor operator +(Tensor a, Tensor b) => a.Bin(BinaryOp.Add, b);
    public static Tensor operator -(Tensor a, Tensor b) => a.Bin(BinaryOp.Sub, b);
    public static Tensor operator *(Tensor a, Tensor b) => a.Bin(BinaryOp.Mul, b);
    public static Tensor operator /(Tensor a, Tensor b) => a.Bin(BinaryOp.Div, b);
    public static Tensor operator %(Tensor a, Tensor b) => a.Bin(BinaryOp.Remainder, b);
    public static Tensor operator -(Tensor a) => a.Un(UnaryOp.Neg);
    public static Tensor operator +(Tensor a, double s) => a.BinS(BinaryOp.Add, s);
    public static Tensor operator -(Tensor a, double s) => a.BinS(BinaryOp.Sub, s);
    public static Tensor operator *(Tensor a, double s) => a.BinS(BinaryOp.Mul, s);
    public static Tensor operator /(Tensor a, double s) => a.BinS(BinaryOp.Div, s);
    public static Tensor operator +(double s, Tensor a) => a.BinS(BinaryOp.Add, s);
    public static Tensor operator -(double s, Tensor a) => a.BinS(BinaryOp.RSub, s);
    public static Tensor operator *(double s, Tensor a) => a.BinS(BinaryOp.Mul, s);
    public static Tensor operator /(double s, Tensor a) => a.BinS(BinaryOp.RDiv, s);
    // Integer scalars keep integer tensors integral, as in PyTorch (long_tensor + 1 stays int64).
    public static Tensor operator +(Tensor a, long s) => a.BinS(BinaryOp.Add, s);
    public static Tensor operator -(Tensor a, long s) => a.BinS(BinaryOp.Sub, s);
    public static Tensor operator *(Tensor a, long s) => a.BinS(BinaryOp.Mul, s);
    public static Tensor operator +(long s, Tensor a) => a.BinS(BinaryOp.Add, s);
    public static Tensor operator -(long s, Tensor a) => a.BinS(BinaryOp.RSub, s);
    public static Tensor operator *(long s, Tensor a) => a.BinS(BinaryOp.Mul, s);
    public static Tensor operator <(Tensor a, Tensor b) => a.Lt(b);
    public static Tensor operator >(Tensor a, Tensor b) => a.Gt(b);
    public static Tensor operator <=(Tensor a, Tensor b) => a.Le(b);
    public static Tensor operator >=(Tensor a, Tensor b) => a.Ge(b);
    public static Tensor operator <(Tensor a, double b) => a.Lt(b);
    public static Tensor operator >(Tensor a, double b) => a.Gt(b);
    public static Tensor operator <=(Tensor a, double b) => a.Le(b);
    public static Tensor operator >=(Tensor a, double b) => a.Ge(b);
    public static Tensor operator &(Tensor a, Tensor b) => a.LogicalAnd(b);
    public static Tensor operator |(Tensor a, Tensor b) => a.LogicalOr(b);
    public static Tensor operator !(Tensor a) => a.LogicalNot();
    /// <summary>Raises to a power: PyTorch's pow (no ** operator in C#).</summary>
    public static Tensor Pow(double b, Tensor e) => e.BinS(BinaryOp.RPow, b);

    // ---- in place (for optimisers and initialisers; call under torch.NoGrad() on parameters) ----
    public Tensor Add_(Tensor other, double alpha = 1) => S(gd_add_(Handle, other.Handle, alpha), other);
    public Tensor Sub_(Tensor other) => Add_(other, -1);
    public Tensor Mul_(Tensor other) => S(gd_mul_(Handle, other.Handle), other);
    public Tensor Div_(Tensor other) => S(gd_div_(Handle, other.Handle), other);
    public Tensor Add_(double s) => S(gd_add_scalar_(Handle, s));
    public Tensor Mul_(double s) => S(gd_mul_scalar_(Handle, s));
    public Tensor Fill_(double s) => S(gd_fill_(Handle, s));
    public Tensor Zero_() => S(gd_zero_(Handle));
    public Tensor Addcmul_(Tensor a, Tensor b, double value = 1) { S(gd_addcmul_(Handle, a.Handle, b.Handle, value), a); GC.KeepAlive(b); return this; }
    public Tensor Addcdiv_(Tensor a, Tensor b, double value = 1) { S(gd_addcdiv_(Handle, a.Handle, b.Handle, value), a); GC.KeepAlive(b); return this; }
    public Tensor Lerp_(Tensor end, double weight) => S(gd_lerp_(Handle, end.Handle, weight), end);
    public Tensor Clamp_(double min, double max) => S(gd_clamp_(Handle, min, max));
    public Tensor Sqrt_() => S(gd_sqrt_(Handle));
    /// <summary>this = max(this, other) in place (AMSGrad).</summary>
    public Tensor Maximum_(Tensor other) => S(gd_maximum_out_(Handle, other.Handle), other);
    public Tensor Normal_(double mean = 0, double std = 1, Generator? generator = null)
    { var r = S(gd_normal_(Handle, mean, std, generator?.Handle ?? IntPtr.Zero)); GC.KeepAlive(generator); return r; }
    public Tensor Uniform_(double from = 0, double to = 1, Generator? generator = null)
    { var r = S(gd_uniform_(Handle, from, to, generator?.Handle ?? IntPtr.Zero)); GC.KeepAlive(generator); return r; }
}
