namespace GameDrift.Torch.optim;

/// <summary>How the Hessian-gradient product H g of DAL is computed.</summary>
public enum HvpMethod
{
    /// <summary>Exact: the gradient of g·sg(g) by double backpropagation (about 2-3 gradient evaluations).</summary>
    Exact,
    /// <summary>(grad E(θ + εg) - grad E(θ))/ε with ε = 0.01/‖g‖ (the official code's choice, one extra gradient).</summary>
    FiniteDifference,
}

/// <summary>The drift-adjusted learning rate of [PF] (spec §9.3, code <c>dal.py</c>): with v = ‖H g‖/‖g‖, the curvature
/// along the gradient, DAL-p takes h = min(2/v^p, max_lr_scale). DAL (p = 1) puts the step at the edge of stability of the
/// gradient direction (h v = 2); p = 0 is plain fixed-lr GD.</summary>
public static class DalRule
{
    /// <summary>The finite-difference step ε = 0.01/‖g‖ (spec D8: the code's, not the docstring's 0.01·‖g‖).</summary>
    public static double FiniteDifferenceStep(double gradNorm) => 0.01 / gradNorm;

    /// <summary>v = ‖Hg‖/‖g‖ (0 for a zero gradient: nothing to move along).</summary>
    public static double Curvature(double gradNorm, double hgNorm) => gradNorm > 0 ? hgNorm / gradNorm : 0;

    /// <summary>min(2/v^p, maxLr) for p ≠ 0 (v = 0 gives maxLr); <paramref name="staticLr"/> for p = 0.</summary>
    public static double LearningRate(double curvature, double power, double maxLr, double staticLr)
    {
        if (power == 0) return staticLr;
        double rate = 2 / Math.Pow(curvature, power);
        return double.IsNaN(rate) ? maxLr : Math.Min(rate, maxLr);
    }

    /// <summary>Checks the hyper-parameters with messages naming the config keys.</summary>
    public static void Validate(double power, double maxLr)
    {
        if (!(power >= 0) || !double.IsFinite(power)) throw new ArgumentException($"dal_p must be a finite number >= 0 (got {power})");
        if (!(maxLr > 0) || !double.IsFinite(maxLr)) throw new ArgumentException($"dal_max_lr_scale must be positive and finite (got {maxLr})");
    }

    /// <summary>"exact" or "finite-difference".</summary>
    public static HvpMethod ParseHvp(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "exact" => HvpMethod.Exact,
        "finite-difference" or "fd" => HvpMethod.FiniteDifference,
        _ => throw new ArgumentException($"dal_hvp is '{name}', expected exact or finite-difference"),
    };
}

/// <summary>Gradient descent with DAL-p learning rates on a single loss (spec §9.3), PyTorch-closure style:
/// <code>var opt = new DAL(model.Parameters(), power: 1);  opt.Step(() => Loss(model));</code>
/// Each step evaluates the loss, its gradient g and H g (exact or finite differences), sets the learning rate
/// h = min(2/v^p, maxLr) with v = ‖Hg‖/‖g‖ and takes θ ← θ - h g.</summary>
public sealed class DAL
{
    private readonly Tensor[] parameters;

    public DAL(IEnumerable<Tensor> parameters, double power = 1, double maxLr = 5, HvpMethod hvp = HvpMethod.Exact, double staticLr = 0.01)
    {
        this.parameters = parameters?.ToArray() ?? throw new ArgumentNullException(nameof(parameters));
        if (this.parameters.Length == 0) throw new ArgumentException("DAL needs at least one parameter", nameof(parameters));
        DalRule.Validate(power, maxLr);
        (Power, MaxLr, Hvp, StaticLr) = (power, maxLr, hvp, staticLr);
    }

    public double Power { get; }
    public double MaxLr { get; }
    public HvpMethod Hvp { get; }
    /// <summary>The learning rate used when <see cref="Power"/> is 0.</summary>
    public double StaticLr { get; }
    /// <summary>The learning rate and curvature v of the last step.</summary>
    public double LastLearningRate { get; private set; } = double.NaN;
    public double LastCurvature { get; private set; } = double.NaN;

    /// <summary>One DAL step; <paramref name="closure"/> evaluates the loss at the current parameters. Returns the loss.</summary>
    public double Step(Func<Tensor> closure)
    {
        using var scope = torch.NewDisposeScope();
        var loss = closure();
        var g = Grads(loss, Hvp == HvpMethod.Exact);
        var (gNorm, hg) = (Norm(g), HessianGradient(closure, g));
        LastCurvature = DalRule.Curvature(gNorm, Norm(hg));
        LastLearningRate = DalRule.LearningRate(LastCurvature, Power, MaxLr, StaticLr);
        using var _ = torch.NoGrad();
        for (int i = 0; i < parameters.Length; i++) parameters[i].Add_(g[i].Detach(), -LastLearningRate);
        return loss.ToDouble();
    }

    private Tensor[] HessianGradient(Func<Tensor> closure, Tensor[] g)
    {
        if (Hvp == HvpMethod.Exact)
        {
            var dot = Dot(g, g.Select(t => t.Detach()).ToArray());
            return dot.RequiresGrad ? Zeros(Autograd.Grad(dot, parameters, allowUnused: true)) : parameters.Select(torch.ZerosLike).ToArray();
        }
        double gNorm = Norm(g);
        if (gNorm == 0) return parameters.Select(torch.ZerosLike).ToArray();
        double eps = DalRule.FiniteDifferenceStep(gNorm);
        var shifted = ParameterShift.With(parameters, g, eps, () => Grads(closure(), false));
        return shifted.Select((s, i) => (s - g[i].Detach()) / eps).ToArray();
    }

    private Tensor[] Grads(Tensor loss, bool createGraph) =>
        Zeros(Autograd.Grad(loss, parameters, retainGraph: createGraph, createGraph: createGraph, allowUnused: true));

    private Tensor[] Zeros(Tensor?[] grads) => grads.Select((t, i) => t ?? torch.ZerosLike(parameters[i])).ToArray();

    private static Tensor Dot(Tensor[] a, Tensor[] b)
    {
        Tensor s = (a[0] * b[0]).Sum();
        for (int i = 1; i < a.Length; i++) s = s + (a[i] * b[i]).Sum();
        return s;
    }

    private static double Norm(Tensor[] a)
    {
        using var _ = torch.NoGrad();
        return Math.Sqrt(a.Sum(t => { using var d = t.Detach(); return d.Square().Sum().ToDouble(); }));
    }
}
