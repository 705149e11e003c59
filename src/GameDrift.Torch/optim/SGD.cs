namespace GameDrift.Torch.optim;

/// <summary>Hyper-parameters of <see cref="SGD"/>.</summary>
public sealed class SGDOptions : OptimizerOptions
{
    public SGDOptions(double lr = 1e-3) : base(lr)
    {
        Momentum = 0;
        Dampening = 0;
        WeightDecay = 0;
        Nesterov = false;
        Maximize = false;
    }

    public double Momentum { get => Get("momentum"); set => Set("momentum", value); }
    public double Dampening { get => Get("dampening"); set => Set("dampening", value); }
    public double WeightDecay { get => Get("weight_decay"); set => Set("weight_decay", value); }
    public bool Nesterov { get => GetFlag("nesterov"); set => SetFlag("nesterov", value); }
    /// <summary>Ascend instead of descend.</summary>
    public bool Maximize { get => GetFlag("maximize"); set => SetFlag("maximize", value); }

    public override void Validate()
    {
        base.Validate();
        Check(Momentum >= 0, "momentum", Momentum);
        Check(WeightDecay >= 0, "weight_decay", WeightDecay);
        if (Nesterov && (Momentum <= 0 || Dampening != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
    }
}

/// <summary>Stochastic gradient descent with momentum, as torch/optim/sgd.py:
/// <code>
///   g ← ∇f(θ) + λθ                                  (λ = weight_decay)
///   if μ ≠ 0:  b ← g on the first step, else b ← μ b + (1 − τ) g     (μ = momentum, τ = dampening)
///              g ← g + μ b  if nesterov, else g ← b
///   θ ← θ − γ g                                     (γ = lr; + γ g when maximizing)
/// </code></summary>
public sealed class SGD : Optimizer<SGDOptions>
{
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : base(parameters, new SGDOptions(lr)
        {
            Momentum = momentum, Dampening = dampening, WeightDecay = weightDecay, Nesterov = nesterov, Maximize = maximize,
        }) { }

    protected override void Update(SGDOptions o, Tensor p, Tensor grad, ParamState state)
    {
        var d = o.Maximize ? grad.Neg() : grad;
        if (o.WeightDecay != 0) d = d.Add(p, o.WeightDecay);
        if (o.Momentum != 0)
        {
            var buf = state["momentum_buffer"];
            if (buf is null) buf = state.Set("momentum_buffer", d.Clone());
            else buf.Mul_(o.Momentum).Add_(d, 1 - o.Dampening);
            d = o.Nesterov ? d.Add(buf, o.Momentum) : buf;
        }
        p.Add_(d, -o.LearningRate);
    }
}
