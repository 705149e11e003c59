using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>The §5.1 gradient terms of a game given by its vector fields (f, g) = (-grad_phi L1, -grad_theta L2) or by
/// fields that are not gradients at all, on the loss-gradient side, for player P with other player O: SelfNorm = J_P f_P
/// f_P, OtherDotProduct = J_O f_P f_O (the interaction term: for a differentiable game both equal their loss forms
/// grad_P(grad_P L_P · sg grad_P L_P) and grad_P(grad_O L_P · sg grad_O L_O), by the symmetry of second derivatives) and
/// OtherNorm = grad_P ½|f_O|². The one formula behind the toy analysis and the training of field-only games.
/// Batched fields work as they are: rows never interact, so each row's term is its own.</summary>
public static class FieldTerms
{
    /// <param name="f">phi's field, one tensor per phi parameter; <paramref name="g"/> theta's.</param>
    /// <param name="createGraph">keep the result differentiable in the parameters (the multiplied field too).</param>
    public static Tensor[] Term(GradientTerm term, PlayerRole player, IReadOnlyList<Tensor> f, IReadOnlyList<Tensor> g,
        IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, bool createGraph)
    {
        var (own, other, ownField, otherField) = player == PlayerRole.Phi ? (phi, theta, f, g) : (theta, phi, g, f);
        if (term == GradientTerm.OtherNorm)
        {
            if (!otherField.Any(x => x.RequiresGrad)) return own.Select(torch.ZerosLike).ToArray(); // a constant field
            var norm = 0.5 * otherField.Select(x => x.Square().Sum()).Aggregate((a, b) => a + b);
            return GradientMath.ZerosForUnused(Autograd.Grad(norm, own, retainGraph: true, createGraph: createGraph, allowUnused: true), own).ToArray();
        }
        var (inputs, tangents) = term == GradientTerm.SelfNorm ? (own, ownField) : (other, otherField);
        var v = tangents.Select(t => createGraph ? t.Alias() : t.Detach()).ToArray();
        try { return Autodiff.Jvp(ownField, inputs, v, createGraph); }
        finally { foreach (var t in v) t.Dispose(); }
    }
}
