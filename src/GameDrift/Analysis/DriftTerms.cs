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
            Term(GradientTerm.SelfNorm, PlayerRole.Phi, f, g, phi, theta, createGraph),
            Term(GradientTerm.OtherDotProduct, PlayerRole.Phi, f, g, phi, theta, createGraph),
            Term(GradientTerm.OtherDotProduct, PlayerRole.Theta, f, g, phi, theta, createGraph),
            Term(GradientTerm.SelfNorm, PlayerRole.Theta, f, g, phi, theta, createGraph));
    }

    /// <summary>A §5.1 gradient term of a toy game from its field (f, g) = Field(phi, theta): for phi, SelfNorm = f_phi f,
    /// OtherDotProduct = f_theta g and OtherNorm = g_phi^T g; for theta, g_theta g, g_phi f and f_theta^T f
    /// (<see cref="FieldTerms.Term"/>, the formula training uses for field-only games).</summary>
    public static Tensor Term(GradientTerm term, PlayerRole player, Tensor f, Tensor g, Tensor phi, Tensor theta, bool createGraph) =>
        FieldTerms.Term(term, player, [f], [g], [phi], [theta], createGraph)[0];
}
