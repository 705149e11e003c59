using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>The fields of a game given by its losses.</summary>
public static class LossFields
{
    /// <summary>(-grad_phi L1, -grad_theta L2) at (phi, theta), per batch entry. When phi or theta is on a graph (requires
    /// grad), the fields are on it too, so Jacobians, drift terms and tangent maps differentiate them.</summary>
    public static (Tensor F, Tensor G) Of(IDifferentiableToyGame game, Tensor phi, Tensor theta)
    {
        using var grad = torch.EnableGrad();
        var onGraph = phi.RequiresGrad || theta.RequiresGrad;
        var p = Autodiff.At(phi, phi.RequiresGrad);
        var t = Autodiff.At(theta, theta.RequiresGrad);
        var (l1, l2) = game.Losses(p, t);
        var f = -Grad(l1, p, onGraph);
        var g = -Grad(l2, t, onGraph);
        return onGraph ? (f, g) : (f.Detach(), g.Detach());
    }

    private static Tensor Grad(Tensor loss, Tensor wrt, bool createGraph) =>
        Autograd.Grad(loss.Sum(), new[] { wrt }, retainGraph: true, createGraph: createGraph, allowUnused: true)[0] ?? torch.ZerosLike(wrt);
}
