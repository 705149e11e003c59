namespace GameDrift.Torch.optim;

/// <summary>Hyper-parameters of <see cref="Adam"/> and <see cref="AdamW"/>.</summary>
public sealed class AdamOptions : OptimizerOptions
{
    public AdamOptions(double lr = 1e-3) : base(lr)
    {
        Betas = (0.9, 0.999);
        Eps = 1e-8;
        WeightDecay = 0;
        Amsgrad = false;
        Maximize = false;
    }

    /// <summary>Decay rates (β1, β2) of the first and second moment estimates.</summary>
    public (double Beta1, double Beta2) Betas
    {
        get => (Get("beta1"), Get("beta2"));
        set { Set("beta1", value.Beta1); Set("beta2", value.Beta2); }
    }

    public double Eps { get => Get("eps"); set => Set("eps", value); }
    public double WeightDecay { get => Get("weight_decay"); set => Set("weight_decay", value); }
    /// <summary>Use the maximum of all second moment estimates so far (Reddi et al., 2018).</summary>
    public bool Amsgrad { get => GetFlag("amsgrad"); set => SetFlag("amsgrad", value); }
    public bool Maximize { get => GetFlag("maximize"); set => SetFlag("maximize", value); }

    public override void Validate()
    {
        base.Validate();
        var (b1, b2) = Betas;
        Check(b1 >= 0 && b1 < 1, "beta1", b1);
        Check(b2 >= 0 && b2 < 1, "beta2", b2);
        Check(Eps >= 0, "eps", Eps);
        Check(WeightDecay >= 0, "weight_decay", WeightDecay);
    }
}

/// <summary>Adam (Kingma and Ba, 2015), as torch/optim/adam.py:
/// <code>
///   g ← ∇f(θ) + λθ                                  (λ = weight_decay, L2 penalty)
///   m ← β1 m + (1 − β1) g
///   v ← β2 v + (1 − β2) g²
///   v̂max ← max(v̂max, v) and use it for v            (amsgrad only)
///   θ ← θ − (γ / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
/// </code>
/// with t the parameter's update count: eps is added after the square root of the bias-corrected second moment.</summary>
public class Adam : Optimizer<AdamOptions>
{
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8, double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, new AdamOptions(lr)
        {
            Betas = betas ?? (0.9, 0.999), Eps = eps, WeightDecay = weightDecay, Amsgrad = amsgrad, Maximize = maximize,
        }) { }

    /// <summary>Whether weight decay shrinks θ directly (AdamW) instead of being added to the gradient.</summary>
    protected virtual bool DecoupledWeightDecay => false;

    protected override void Update(AdamOptions o, Tensor p, Tensor grad, ParamState state)
    {
        var (b1, b2) = o.Betas;
        var lr = o.LearningRate;
        var g = o.Maximize ? grad.Neg() : grad;
        if (DecoupledWeightDecay) p.Mul_(1 - lr * o.WeightDecay);
        else if (o.WeightDecay != 0) g = g.Add(p, o.WeightDecay);

        var m = state.GetOrZeros("exp_avg", p);
        var v = state.GetOrZeros("exp_avg_sq", p);
        m.Mul_(b1).Add_(g, 1 - b1);
        v.Mul_(b2).Addcmul_(g, g, 1 - b2);

        var t = (double)state.Step;
        var stepSize = lr / (1 - Math.Pow(b1, t));
        var bias2Sqrt = Math.Sqrt(1 - Math.Pow(b2, t));
        var second = v;
        if (o.Amsgrad) second = state.GetOrZeros("max_exp_avg_sq", p).Maximum_(v);
        var denom = (second.Sqrt() / bias2Sqrt).Add_(o.Eps);
        p.Addcdiv_(m, denom, -stepSize);
    }
}
