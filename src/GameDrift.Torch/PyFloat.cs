using System.Globalization;
using System.Numerics;

namespace GameDrift.Torch;

/// <summary>Python's <c>'{:.Nf}'</c> and <c>'{:.Ne}'</c> for doubles: exact decimal expansion rounded half to even,
/// as CPython does. .NET's formats round ties away from zero (1.03125 → "1.0313" where Python prints "1.0312").</summary>
internal static class PyFloat
{
    public static string Fixed(double v, int decimals)
    {
        if (!double.IsFinite(v)) return NonFinite(v);
        var (m, e) = Decompose(v);
        var q = RoundHalfEven(m * BigInteger.Pow(10, decimals), e);
        var digits = q.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var body = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return (double.IsNegative(v) ? "-" : "") + body;
    }

    public static string Scientific(double v, int decimals)
    {
        if (!double.IsFinite(v)) return NonFinite(v);
        var sign = double.IsNegative(v) ? "-" : "";
        if (v == 0) return sign + Fixed(0, decimals) + "e+00";
        var (m, e) = Decompose(v);
        var k = (int)Math.Floor(Math.Log10(Math.Abs(v)));
        var lo = BigInteger.Pow(10, decimals);
        var hi = lo * 10;
        BigInteger q;
        while (true)
        {
            // q = round(|v| / 10^(k - decimals)), which must have exactly decimals + 1 digits.
            var shift = k - decimals;
            q = shift >= 0 ? RoundHalfEven(m, e, BigInteger.Pow(10, shift)) : RoundHalfEven(m * BigInteger.Pow(10, -shift), e);
            if (q >= hi) k++;
            else if (q < lo) k--;
            else break;
        }
        var d = q.ToString(CultureInfo.InvariantCulture);
        var mantissa = decimals == 0 ? d : d[..1] + "." + d[1..];
        return $"{sign}{mantissa}e{(k < 0 ? '-' : '+')}{Math.Abs(k):00}";
    }

    private static string NonFinite(double v) => double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";

    /// <summary>|v| = m · 2^e with an integer m.</summary>
    private static (BigInteger M, int E) Decompose(double v)
    {
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(v));
        var exp = (int)((bits >> 52) & 0x7FF);
        var frac = bits & 0xFFFFFFFFFFFFFL;
        return exp == 0 ? (frac, -1074) : (frac | (1L << 52), exp - 1075);
    }

    /// <summary>round(n · 2^e / den), ties to even.</summary>
    private static BigInteger RoundHalfEven(BigInteger n, int e, BigInteger? den = null)
    {
        var d = den ?? BigInteger.One;
        if (e >= 0) n <<= e;
        else d <<= -e;
        var q = BigInteger.DivRem(n, d, out var r);
        var c = (2 * r).CompareTo(d);
        if (c > 0 || (c == 0 && !q.IsEven)) q += 1;
        return q;
    }
}
