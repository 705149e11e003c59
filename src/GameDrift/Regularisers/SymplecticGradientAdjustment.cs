using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>Symplectic gradient adjustment (Balduzzi et al. 2018; spec §5.4) with a fixed lambda. Each player adds
/// lambda times its block of <c>A^T xi</c>, where xi = (grad_phi L1, grad_theta L2), H = grad xi, A = (H - H^T)/2.
/// <list type="bullet">
/// <item><see cref="SgaForm.OtherNorm"/> (default, the official code's): <c>lambda * 1/2 grad_P ||grad_O L_O||^2</c>
/// = lambda * OtherNorm, which equals the A^T xi block in zero-sum games;</item>
/// <item><see cref="SgaForm.General"/>: the A^T xi block for any game, <c>1/2 (OtherNorm - OtherDotProduct)</c>
/// (from H^T xi = SelfNorm + OtherNorm and H xi = SelfNorm + OtherDotProduct, blockwise).</item>
/// </list>
/// With alignment the sign of lambda is <c>sign(&lt;xi, grad Ham&gt; &lt;A^T xi, grad Ham&gt; / d + 0.1)</c>, grad Ham = H^T xi,
/// d the total parameter count, evaluated at the same point for both players; alignment uses the general form.</summary>
public sealed class SymplecticGradientAdjustment : ITermRegulariser
{
    /// <summary>The SGA paper's epsilon in the alignment sign.</summary>
    public const double AlignmentEpsilon = 0.1;

    public SymplecticGradientAdjustment(double lambda, SgaForm form = SgaForm.OtherNorm, bool alignment = false,
        TermEstimator estimator = TermEstimator.SameBatch)
    {
        Lambda = RegulariserChecks.NonNegative(lambda, "SGA lambda");
        Form = alignment ? SgaForm.General : form;
        Alignment = alignment;
        Estimator = estimator;
    }

    public double Lambda { get; }
    public SgaForm Form { get; }
    public bool Alignment { get; }
    public TermEstimator Estimator { get; }
    public string Name => $"sga={Lambda}" + (Alignment ? ":align" : Form == SgaForm.General ? ":general" : "");

    public void Check(ITwoPlayerGame game, SchemeKind scheme) => RegulariserChecks.Differentiable(game, Name);

    public IReadOnlyList<Tensor>? Gradient(GameEvaluation ev, SchemeInfo scheme, PlayerRole player) =>
        this.TermGradient(ev, scheme, player, Alignment ? AlignmentSign(ev) : 1);

    /// <summary>lambda * OtherNorm, or the general lambda/2 (OtherNorm - OtherDotProduct); with alignment these are scaled
    /// by the sign, which needs an evaluation.</summary>
    public IReadOnlyList<TermPart> Parts(SchemeInfo scheme, PlayerRole player) => Form == SgaForm.OtherNorm
        ? new TermPart[] { new(GradientTerm.OtherNorm, Lambda) }
        : new TermPart[] { new(GradientTerm.OtherNorm, Lambda * 0.5), new(GradientTerm.OtherDotProduct, -Lambda * 0.5) };

    private double AlignmentSign(GameEvaluation ev)
    {
        // Terms first (they are cached in the evaluation and must outlive the scope below).
        var roles = new[] { PlayerRole.Phi, PlayerRole.Theta };
        var parts = roles.Select(p => (Xi: ev.OwnGradient(p), Self: ev.Term(GradientTerm.SelfNorm, p, Estimator),
            OtherNorm: ev.Term(GradientTerm.OtherNorm, p, Estimator), OtherDot: ev.Term(GradientTerm.OtherDotProduct, p, Estimator))).ToArray();
        double xiHam = 0, axiHam = 0, d = roles.Sum(p => (double)ev.Parameters(p).Sum(t => t.NumberOfElements));
        using var scope = torch.NewDisposeScope();
        using var _ = torch.NoGrad();
        foreach (var (xi, self, otherNorm, otherDot) in parts)
        {
            var gradHam = self.Zip(otherNorm, (a, b) => a + b).ToArray();
            var aTxi = otherNorm.Zip(otherDot, (a, b) => (a - b) * 0.5).ToArray();
            xiHam += GradientMath.Dot(xi, gradHam).ToDouble();
            axiHam += GradientMath.Dot(aTxi, gradHam).ToDouble();
        }
        return xiHam * axiHam / d + AlignmentEpsilon >= 0 ? 1.0 : -1.0;
    }
}

/// <summary>Which SGA adjustment: the code's other-norm form or the general A^T xi form.</summary>
public enum SgaForm { OtherNorm, General }
