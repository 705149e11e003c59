using GameDrift.Torch;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Torch.Tests;

/// <summary>First and second derivatives of every elementwise op, on inputs inside its domain and away from kinks.</summary>
public class ElementwiseGradTests
{
    private enum Domain { Any, AwayFromZero, Positive, UnitInterval, Tan, Steps }

    private static readonly Dictionary<string, (Func<Tensor, Tensor> Op, Domain Domain)> Ops = new()
    {
        ["neg"] = (x => x.Neg(), Domain.Any),
        ["unary minus"] = (x => -x, Domain.Any),
        ["exp"] = (x => x.Exp(), Domain.Any),
        ["expm1"] = (x => x.Expm1(), Domain.Any),
        ["log"] = (x => x.Log(), Domain.Positive),
        ["log1p"] = (x => x.Log1p(), Domain.Positive),
        ["log2"] = (x => x.Log2(), Domain.Positive),
        ["log10"] = (x => x.Log10(), Domain.Positive),
        ["sqrt"] = (x => x.Sqrt(), Domain.Positive),
        ["rsqrt"] = (x => x.Rsqrt(), Domain.Positive),
        ["square"] = (x => x.Square(), Domain.Any),
        ["reciprocal"] = (x => x.Reciprocal(), Domain.AwayFromZero),
        ["abs"] = (x => x.Abs(), Domain.AwayFromZero),
        ["sign"] = (x => x.Sign(), Domain.AwayFromZero),
        ["tanh"] = (x => x.Tanh(), Domain.Any),
        ["sigmoid"] = (x => x.Sigmoid(), Domain.Any),
        ["relu"] = (x => x.Relu(), Domain.AwayFromZero),
        ["sin"] = (x => x.Sin(), Domain.Any),
        ["cos"] = (x => x.Cos(), Domain.Any),
        ["tan"] = (x => x.Tan(), Domain.Tan),
        ["asin"] = (x => x.Asin(), Domain.UnitInterval),
        ["acos"] = (x => x.Acos(), Domain.UnitInterval),
        ["atan"] = (x => x.Atan(), Domain.Any),
        ["sinh"] = (x => x.Sinh(), Domain.Any),
        ["cosh"] = (x => x.Cosh(), Domain.Any),
        ["erf"] = (x => x.Erf(), Domain.Any),
        ["lgamma"] = (x => x.Lgamma(), Domain.Positive),
        ["digamma"] = (x => x.Digamma(), Domain.Positive),
        ["floor"] = (x => x.Floor(), Domain.Steps),
        ["ceil"] = (x => x.Ceil(), Domain.Steps),
        ["round"] = (x => x.Round(), Domain.Steps),
        ["trunc"] = (x => x.Trunc(), Domain.Steps),
        ["log_sigmoid"] = (x => x.LogSigmoid(), Domain.Any),
        ["silu"] = (x => x.Silu(), Domain.Any),
        ["gelu"] = (x => x.Gelu(), Domain.Any),
        ["elu"] = (x => x.Elu(), Domain.AwayFromZero),
        ["selu"] = (x => x.Selu(), Domain.AwayFromZero),
        ["softplus"] = (x => x.Softplus(), Domain.Any),
        ["softplus beta=2"] = (x => x.Softplus(beta: 2), Domain.Any),
        ["softplus linear regime"] = (x => x.Softplus(beta: 3, threshold: 1.5), Domain.AwayFromZero),
        ["leaky_relu"] = (x => x.LeakyRelu(), Domain.AwayFromZero),
        ["leaky_relu 0.2"] = (x => x.LeakyRelu(0.2), Domain.AwayFromZero),
        ["hardtanh"] = (x => F.Hardtanh(x, -0.5, 0.7), Domain.AwayFromZero),
        ["clamp"] = (x => x.Clamp(-0.5, 0.7), Domain.AwayFromZero),
        ["clamp_min"] = (x => x.ClampMin(0.1), Domain.AwayFromZero),
        ["clamp_max"] = (x => x.ClampMax(-0.1), Domain.AwayFromZero),
        ["nan_to_num"] = (x => x.NanToNum(), Domain.Any),
        ["pow 3"] = (x => x.Pow(3), Domain.Any),
        ["pow 2.5"] = (x => x.Pow(2.5), Domain.Positive),
        ["pow -1.5"] = (x => x.Pow(-1.5), Domain.Positive),
        ["rpow"] = (x => Tensor.Pow(2.5, x), Domain.Any),
        ["softmax"] = (x => x.Softmax(-1), Domain.Any),
        ["softmax dim0"] = (x => F.Softmax(x, 0), Domain.Any),
        ["log_softmax"] = (x => x.LogSoftmax(1), Domain.Any),
        ["log_softmax dim0"] = (x => F.LogSoftmax(x, 0), Domain.Any),
        ["cumsum"] = (x => x.Cumsum(1), Domain.Any),
        ["functional relu"] = (x => F.Relu(x), Domain.AwayFromZero),
        ["functional leaky_relu"] = (x => F.LeakyRelu(x, 0.3), Domain.AwayFromZero),
        ["functional softplus"] = (x => F.Softplus(x, 0.5), Domain.Any),
        ["functional log_sigmoid"] = (x => F.LogSigmoid(x), Domain.Any),
        ["functional sigmoid"] = (x => F.Sigmoid(x), Domain.Any),
        ["functional tanh"] = (x => F.Tanh(x), Domain.Any),
        ["functional elu"] = (x => F.Elu(x), Domain.AwayFromZero),
        ["functional gelu"] = (x => F.Gelu(x), Domain.Any),
        ["functional silu"] = (x => F.Silu(x), Domain.Any),
    };

    public static TheoryData<string> Names => new(Ops.Keys);

    [Theory, MemberData(nameof(Names))]
    public void MatchesFiniteDifferences(string name)
    {
        var (op, domain) = Ops[name];
        using var rng = new Rng((ulong)name.GetHashCode(StringComparison.Ordinal) & 0xffff);
        using var x = Input(rng, domain);
        GradCheck.Assert(a => op(a[0]), x);
    }

    private static Tensor Input(Rng rng, Domain d) => d switch
    {
        Domain.Any => rng.Normal(3, 4),
        Domain.AwayFromZero => rng.AwayFromZero(0.2, 2, 3, 4),
        Domain.Positive => rng.Uniform(0.3, 3, 3, 4),
        Domain.UnitInterval => rng.Uniform(-0.8, 0.8, 3, 4),
        Domain.Tan => rng.Uniform(-1.2, 1.2, 3, 4),
        // Integers plus a fraction in [0.1, 0.4]: away from every jump of floor, ceil, round and trunc.
        _ => Steps(rng),
    };

    private static Tensor Steps(Rng rng)
    {
        using var k = rng.Ints(-3, 3, 3, 4);
        using var f = rng.Uniform(0.1, 0.4, 3, 4);
        return k + f;
    }
}
