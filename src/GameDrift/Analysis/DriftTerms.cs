using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>The four first-order drift terms at (phi, theta) (spec §1.1, §3.2): the self terms f_phi f, g_theta g
/// and the interaction terms f_theta g, g_phi f, with the field (f, g) they were built from. Batched: each has the
/// shape of its player.</summary>
public sealed record DriftTerms(Tensor F, Tensor G, Tensor FphiF, Tensor FthetaG, Tensor GphiF, Tensor GthetaG)
{
    /// <summary>Computes the terms as Jacobian-vector products by double backprop. <paramref name="phi"/> and
    /// <paramref name="theta"/> must require grad. With <paramref name="createGraph"/> the terms stay differentiable
    /// (needed to differentiate a regularised update); otherwise the vectors multiplied are constants.</summary>
    public static DriftTerms Compute(IVectorFieldGame game, Tensor phi, Tensor theta, bool createGraph = false)
    {
        var (f, g) = game.Field(phi, theta);
        return new DriftTerms(f, g,
            Term(GradientTerm.SelfNorm, PlayerRole.Phi), Term(GradientTerm.OtherDotProduct, PlayerRole.Phi),
            Term(GradientTerm.OtherDotProduct, PlayerRole.Theta), Term(GradientTerm.SelfNorm, PlayerRole.Theta));

        // f_phi f, f_theta g, g_phi f, g_theta g by the formula field-only games train with (FieldTerms).
        Tensor Term(GradientTerm term, PlayerRole player) => FieldTerms.Term(term, player, [f], [g], [phi], [theta], createGraph)[0];
    }
}
