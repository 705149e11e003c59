namespace GameDrift.Torch.optim;

/// <summary>Adam with decoupled weight decay (Loshchilov and Hutter, 2019), as torch/optim/adamw.py:
/// <code>
///   θ ← θ (1 − γλ)                                  (γ = lr, λ = weight_decay, default 1e-2)
///   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²
///   θ ← θ − (γ / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)      (amsgrad: v ← max so far)
/// </code></summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8, double weightDecay = 1e-2, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, betas, eps, weightDecay, amsgrad, maximize) { }

    protected override bool DecoupledWeightDecay => true;
}
