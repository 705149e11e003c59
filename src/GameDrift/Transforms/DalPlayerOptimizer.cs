using GameDrift.Games;
using GameDrift.Torch;
using GameDrift.Torch.optim;

namespace GameDrift.Transforms;

/// <summary>DAL-p for one player of a game (spec §9.3): before each step it measures v = ‖H g‖/‖g‖ on the player's own
/// loss along its own-loss gradient, at the point and on the batch of the step's evaluation, and sets the wrapped
/// optimiser's learning rate to min(2/v^p, max_lr_scale) for that step (with plain SGD this is the paper's DAL; the
/// regulariser terms, if any, are added to g as usual and scaled by the same rate). H g is exact (the self-norm term
/// ∇(g·sg(g)) of the evaluation, shared with the drift diagnostics) or a finite difference with ε = 0.01/‖g‖ (one more
/// gradient at θ + εg on the same batch; its extra forward pass also advances batch-norm statistics and spectral-norm
/// vectors). Stateless, so checkpoints and resumes are unchanged. <see cref="LearningRate"/> stays the configured
/// rate: drift-regulariser coefficients read it.</summary>
public sealed class DalPlayerOptimizer : IPlayerOptimizer
{
    private readonly IPlayerOptimizer inner;

    public DalPlayerOptimizer(IPlayerOptimizer inner, double power = 1, double maxLr = 5, HvpMethod hvp = HvpMethod.Exact)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        DalRule.Validate(power, maxLr);
        (Power, MaxLr, Hvp) = (power, maxLr, hvp);
    }

    public double Power { get; }
    public double MaxLr { get; }
    public HvpMethod Hvp { get; }
    public bool NeedsGraph => Hvp == HvpMethod.Exact && Power != 0;

    /// <summary>The rate and curvature of the latest observed evaluation (NaN before the first).</summary>
    public double EffectiveLearningRate { get; private set; } = double.NaN;
    public double Curvature { get; private set; } = double.NaN;

    public double LearningRate { get => inner.LearningRate; set => inner.LearningRate = value; }

    public IReadOnlyList<Tensor> Parameters => inner.Parameters;

    public void Observe(StepContext context)
    {
        var (ev, player) = (context.Evaluation, context.Player);
        if (!ev.IsDifferentiable) throw new InvalidOperationException("DAL needs a differentiable game (a loss per player) for its Hessian-gradient product");
        var g = ev.OwnGradient(player);
        double gNorm = GradientMath.Norm(g);
        double hgNorm = Power == 0 ? 0 : GradientMath.Norm(Hvp == HvpMethod.Exact
            ? ev.Term(GradientTerm.SelfNorm, player, TermEstimator.SameBatch) // ∇_P(g · sg g) = H_PP g
            : FiniteDifference(ev, player, g, gNorm));
        Curvature = DalRule.Curvature(gNorm, hgNorm);
        EffectiveLearningRate = DalRule.LearningRate(Curvature, Power, MaxLr, inner.LearningRate);
    }

    public void Step(IReadOnlyList<Tensor> gradients)
    {
        if (double.IsNaN(EffectiveLearningRate)) throw new InvalidOperationException("DAL steps need an observed evaluation first (a chain calls Observe)");
        double configured = inner.LearningRate;
        inner.LearningRate = EffectiveLearningRate;
        try { inner.Step(gradients); }
        finally { inner.LearningRate = configured; }
    }

    private static Tensor[] FiniteDifference(GameEvaluation ev, PlayerRole player, IReadOnlyList<Tensor> g, double gNorm)
    {
        var ps = ev.Parameters(player);
        if (gNorm == 0) return ps.Select(torch.ZerosLike).ToArray();
        double eps = DalRule.FiniteDifferenceStep(gNorm);
        var g0 = g.Select(t => t.Detach()).ToArray();
        var shifted = ParameterShift.With(ps, g0, eps,
            () => new GameEvaluation(ev.Game, ev.Phi, ev.Theta, ev.Batch, createGraph: false, bothBlocks: false).OwnGradient(player));
        using var _ = torch.NoGrad();
        return shifted.Select((s, i) => (s.Detach() - g0[i]) / eps).ToArray();
    }
}
