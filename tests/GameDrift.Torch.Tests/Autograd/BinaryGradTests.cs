using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>Binary ops: tensor-tensor (same shape and broadcast), tensor-scalar and scalar-tensor forms.</summary>
public class BinaryGradTests
{
    private static readonly Dictionary<string, Func<Tensor, Tensor, Tensor>> TensorOps = new()
    {
        ["add"] = (a, b) => a + b,
        ["add alpha"] = (a, b) => a.Add(b, -2.5),
        ["sub"] = (a, b) => a - b,
        ["mul"] = (a, b) => a * b,
        ["div"] = (a, b) => a / b,
        ["pow"] = (a, b) => a.Pow(b),
        ["maximum"] = (a, b) => a.Maximum(b),
        ["minimum"] = (a, b) => torch.Minimum(a, b),
        ["atan2"] = (a, b) => a.Atan2(b),
        ["remainder"] = (a, b) => a.Remainder(b),
        ["lerp"] = (a, b) => a.Lerp(b, 0.3),
        ["where"] = (a, b) => torch.Where(a.Gt(b), a * 2, b.Square()),
    };

    public static TheoryData<string, string> Cases()
    {
        var d = new TheoryData<string, string>();
        foreach (var op in TensorOps.Keys)
            foreach (var shapes in new[] { "same", "broadcast", "scalar tensor" })
                d.Add(op, shapes);
        return d;
    }

    [Theory, MemberData(nameof(Cases))]
    public void TensorTensor(string op, string shapes)
    {
        using var rng = new Rng(5);
        var (sa, sb) = shapes switch
        {
            "same" => (new long[] { 3, 4 }, new long[] { 3, 4 }),
            "broadcast" => (new long[] { 3, 1 }, new long[] { 2, 1, 4 }),
            _ => (new long[] { 2, 3 }, Array.Empty<long>()),
        };
        // Positive, distinct inputs keep pow, div, max/min and remainder away from poles, ties and jumps.
        using var a = rng.Uniform(1.1, 2.0, sa);
        using var b = rng.Uniform(0.3, 0.9, sb);
        GradCheck.Assert(x => TensorOps[op](x[0], x[1]), a, b);
    }

    public static TheoryData<string> ScalarCaseNames => new(ScalarOps.Keys);

    private static readonly Dictionary<string, Func<Tensor, Tensor>> ScalarOps = new()
    {
        ["x + 2.5"] = x => x + 2.5,
        ["2.5 + x"] = x => 2.5 + x,
        ["x - 2.5"] = x => x - 2.5,
        ["2.5 - x"] = x => 2.5 - x,
        ["x * 2.5"] = x => x * 2.5,
        ["2.5 * x"] = x => 2.5 * x,
        ["x / 2.5"] = x => x / 2.5,
        ["2.5 / x"] = x => 2.5 / x,
        ["x + 2L"] = x => x + 2L,
        ["3L - x"] = x => 3L - x,
        ["x * 3L"] = x => x * 3L,
        ["3L * x"] = x => 3L * x,
        ["pow(x, 1.7)"] = x => torch.Pow(x, 1.7),
        ["pow(1.7, x)"] = x => Tensor.Pow(1.7, x),
        ["remainder(x, 0.7)"] = x => x.Remainder(0.7),
        ["fmod(x, 0.7)"] = x => x.Fmod(0.7),
        ["x * int tensor"] = x => x * torch.Tensor(new long[] { 2, -3, 4 }),
        ["masked_fill"] = x => x.MaskedFill(x.Gt(1.5), -1),
    };

    [Theory, MemberData(nameof(ScalarCaseNames))]
    public void TensorScalar(string name)
    {
        using var rng = new Rng(6);
        // Values in (1.05, 1.45) u (1.55, 1.95): away from the jumps of remainder/fmod by 0.7 (at 1.4) and the mask at 1.5.
        using var u = rng.Uniform(1.05, 1.35, 2, 3);
        using var bump = rng.Ints(0, 2, 2, 3);
        using var x = u + bump * 0.5;
        GradCheck.Assert(t => ScalarOps[name](t[0]), x);
    }
}
