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

    /// <summary>A §5.1 gradient term of a toy game from its field (f, g) = Field(phi, theta), on the loss-gradient side
    /// (f = -grad_phi L1, g = -grad_theta L2): for phi, SelfNorm = f_phi f, OtherDotProduct = f_theta g and
    /// OtherNorm = grad_phi ½|g|² = g_phi^T g; for theta, g_theta g, g_phi f and f_theta^T f. The first two are also
    /// defined for games that are only vector fields. Rows of a batch never interact, so each row's term is its own.</summary>
    public static Tensor Term(GradientTerm term, PlayerRole player, Tensor f, Tensor g, Tensor phi, Tensor theta, bool createGraph)
    {
        var (own, other, ownField, otherField) = player == PlayerRole.Phi ? (phi, theta, f, g) : (theta, phi, g, f);
        if (term == GradientTerm.OtherNorm)
        {
            if (!otherField.RequiresGrad) return torch.ZerosLike(own); // a constant field (no dependence)
            var norm = 0.5 * otherField.Square().Sum();
            return Autograd.Grad(norm, new[] { own }, retainGraph: true, createGraph: createGraph, allowUnused: true)[0] ?? torch.ZerosLike(own);
        }
        var (input, tangent) = term == GradientTerm.SelfNorm ? (own, ownField) : (other, otherField);
        using var v = createGraph ? tangent.Alias() : tangent.Detach();
        return Autodiff.Jvp(ownField, input, v, createGraph);
    }
}
