namespace GameDrift.Torch.optim;

/// <summary>Hyper-parameters of <see cref="RMSprop"/>.</summary>
public sealed class RMSpropOptions : OptimizerOptions
{
    public RMSpropOptions(double lr = 1e-2) : base(lr)
    {
        Alpha = 0.99;
        Eps = 1e-8;
        Momentum = 0;
        Centered = false;
        WeightDecay = 0;
        Maximize = false;
    }

    /// <summary>Smoothing constant of the squared-gradient average.</summary>
    public double Alpha { get => Get("alpha"); set => Set("alpha", value); }
    public double Eps { get => Get("eps"); set => Set("eps", value); }
    public double Momentum { get => Get("momentum"); set => Set("momentum", value); }
    /// <summary>Normalise by the estimated variance (E[g²] − E[g]²) instead of E[g²].</summary>
    public bool Centered { get => GetFlag("centered"); set => SetFlag("centered", value); }
    public double WeightDecay { get => Get("weight_decay"); set => Set("weight_decay", value); }
    public bool Maximize { get => GetFlag("maximize"); set => SetFlag("maximize", value); }

    public override void Validate()
    {
        base.Validate();
        Check(Alpha >= 0, "alpha", Alpha);
        Check(Eps >= 0, "eps", Eps);
        Check(Momentum >= 0, "momentum", Momentum);
        Check(WeightDecay >= 0, "weight_decay", WeightDecay);
    }
}

/// <summary>RMSprop (Hinton, 2012; centred form of Graves, 2013), as torch/optim/rmsprop.py:
/// <code>
///   g ← ∇f(θ) + λθ
///   s ← α s + (1 − α) g²
///   a ← √(s − ḡ²) with ḡ ← α ḡ + (1 − α) g   if centered, else a ← √s
///   a ← a + ε
///   if μ &gt; 0:  b ← μ b + g / a,  θ ← θ − γ b
///   else:       θ ← θ − γ g / a
/// </code></summary>
public sealed class RMSprop : Optimizer<RMSpropOptions>
{
    public RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
        double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(parameters, new RMSpropOptions(lr)
        {
            Alpha = alpha, Eps = eps, WeightDecay = weightDecay, Momentum = momentum, Centered = centered, Maximize = maximize,
        }) { }

    protected override void Update(RMSpropOptions o, Tensor p, Tensor grad, ParamState state)
    {
        var g = o.Maximize ? grad.Neg() : grad;
        if (o.WeightDecay != 0) g = g.Add(p, o.WeightDecay);
        var squareAvg = state.GetOrZeros("square_avg", p);
        squareAvg.Mul_(o.Alpha).Addcmul_(g, g, 1 - o.Alpha);
        Tensor avg;
        if (o.Centered)
        {
            var gradAvg = state.GetOrZeros("grad_avg", p);
            gradAvg.Mul_(o.Alpha).Add_(g, 1 - o.Alpha);
            avg = squareAvg.Clone().Addcmul_(gradAvg, gradAvg, -1).Sqrt_();
        }
        else avg = squareAvg.Sqrt();
        avg.Add_(o.Eps);
        if (o.Momentum > 0)
        {
            var buf = state.GetOrZeros("momentum_buffer", p);
            buf.Mul_(o.Momentum).Addcdiv_(g, avg);
            p.Add_(buf, -o.LearningRate);
        }
        else p.Addcdiv_(g, avg, -o.LearningRate);
    }
}
