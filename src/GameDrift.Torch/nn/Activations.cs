namespace GameDrift.Torch.nn;

// Elementwise activations as modules, for use inside Sequential.

/// <summary>max(0, x).</summary>
public sealed class ReLU : Module
{
    public override Tensor Forward(Tensor input) => input.Relu();
}

/// <summary>x for x ≥ 0, slope·x otherwise.</summary>
public sealed class LeakyReLU : Module
{
    public LeakyReLU(double negativeSlope = 0.01) => NegativeSlope = negativeSlope;
    public double NegativeSlope { get; }
    public override Tensor Forward(Tensor input) => input.LeakyRelu(NegativeSlope);
    protected override string ExtraRepr() => $"negative_slope={Format(NegativeSlope)}";
}

public sealed class Tanh : Module
{
    public override Tensor Forward(Tensor input) => input.Tanh();
}

public sealed class Sigmoid : Module
{
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}

/// <summary>log(1 + exp(beta·x)) / beta, linear above the threshold.</summary>
public sealed class Softplus : Module
{
    public Softplus(double beta = 1, double threshold = 20) => (Beta, Threshold) = (beta, threshold);
    public double Beta { get; }
    public double Threshold { get; }
    public override Tensor Forward(Tensor input) => input.Softplus(Beta, Threshold);
    protected override string ExtraRepr() => $"beta={Format(Beta)}, threshold={Format(Threshold)}";
}

/// <summary>x for x &gt; 0, alpha·(exp(x) − 1) otherwise.</summary>
public sealed class ELU : Module
{
    public ELU(double alpha = 1) => Alpha = alpha;
    public double Alpha { get; }

    public override Tensor Forward(Tensor input)
    {
        if (Alpha == 1) return input.Elu();
        // alpha·elu₁(x) on the negative side; elu₁(x) = x on the positive side, where x is taken instead.
        using var elu = input.Elu();
        using var scaled = elu * Alpha;
        using var positive = input.Gt(0);
        return torch.Where(positive, input, scaled);
    }

    protected override string ExtraRepr() => $"alpha={Format(Alpha)}";
}

/// <summary>x·Φ(x) (the exact, erf-based GELU).</summary>
public sealed class GELU : Module
{
    public override Tensor Forward(Tensor input) => input.Gelu();
}

/// <summary>Returns its input (a new handle to it, so disposing the output never frees the input).</summary>
public sealed class Identity : Module
{
    public override Tensor Forward(Tensor input) => input.Alias();
}
