using GameDrift.Games;
using GameDrift.Torch;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis;

/// <summary>The exact discrete Euler maps of spec §3.1 (batched tensors; learning rates broadcast, e.g. [B, 1]),
/// optionally with a drift regulariser, and their Jacobians at a point by autograd through the map.</summary>
public static class DiscreteMaps
{
    /// <summary>One update: simultaneous phi += eta_phi f, theta += eta_theta g at the old point; alternating
    /// DiscSteps steps of phi then GenSteps steps of theta, each at the latest point (or the generator first).
    /// With <paramref name="createGraph"/> the result is differentiable in (phi, theta) even with a regulariser.</summary>
    public static (Tensor Phi, Tensor Theta) Step(IVectorFieldGame game, EulerUpdate update, Tensor phi, Tensor theta,
        Tensor etaPhi, Tensor etaTheta, ToyRegularisation? regulariser = null, bool createGraph = false)
    {
        update.Validate();
        if (regulariser?.Drift != null && (update.DiscSteps != 1 || update.GenSteps != 1 || !update.DiscriminatorFirst))
            throw new ArgumentException("drift regularisers are defined for one step per player, discriminator first");
        using var scope = torch.NewDisposeScope();
        var (p, t) = regulariser != null && !(phi.RequiresGrad && theta.RequiresGrad)
            ? (Autodiff.Leaf(phi), Autodiff.Leaf(theta)) : (phi, theta);
        if (update.Scheme == EulerScheme.Simultaneous)
        {
            var (f, g) = Fields(game, update.Scheme, p, t, etaPhi, etaTheta, regulariser, createGraph, true, true);
            return Out(p + etaPhi * f!, t + etaTheta * g!, regulariser != null && !createGraph);
        }
        for (int s = 0; s < 2; s++)
        {
            bool phiTurn = update.DiscriminatorFirst ? s == 0 : s == 1;
            int k = phiTurn ? update.DiscSteps : update.GenSteps;
            for (int i = 0; i < k; i++)
            {
                var (f, g) = Fields(game, update.Scheme, p, t, etaPhi, etaTheta, regulariser, createGraph, phiTurn, !phiTurn);
                if (phiTurn) p = p + etaPhi * f!;
                else t = t + etaTheta * g!;
            }
        }
        return Out(p, t, regulariser != null && !createGraph);
    }

    /// <summary>d(map)/d(phi, theta) at z by autograd through the map (spec §7.3/§7.4 update Jacobians).</summary>
    public static Matrix<double> Jacobian(IVectorFieldGame game, EulerUpdate update, ReadOnlySpan<double> z,
        double etaPhi, double etaTheta, ToyRegularisation? regulariser = null)
    {
        using var scope = torch.NewDisposeScope();
        var ep = torch.Scalar(etaPhi, torch.float64);
        var et = torch.Scalar(etaTheta, torch.float64);
        return FieldJacobian.OfMap(game, z, (p, t) => Step(game, update, p, t, ep, et, regulariser, createGraph: true));
    }

    /// <summary>The spectral radius of the map's Jacobian at the equilibrium and its verdict.</summary>
    public static (double Rho, StabilityVerdict Verdict) AtEquilibrium(IVectorFieldGame game, EulerUpdate update,
        double etaPhi, double etaTheta, ToyRegularisation? regulariser = null)
    {
        var rho = Stability.SpectralRadius(Jacobian(game, update, JointState.RequireEquilibrium(game), etaPhi, etaTheta, regulariser));
        return (rho, Stability.OfSpectralRadius(rho));
    }

    // The (possibly regularised) fields a player steps along; only the requested players are computed.
    private static (Tensor? F, Tensor? G) Fields(IVectorFieldGame game, EulerScheme scheme, Tensor phi, Tensor theta,
        Tensor etaPhi, Tensor etaTheta, ToyRegularisation? regularisation, bool createGraph, bool wantF, bool wantG)
    {
        if (regularisation == null)
        {
            var (f0, g0) = game.Field(phi, theta);
            return (wantF ? f0 : null, wantG ? g0 : null);
        }
        // The terms are partial derivatives at the current point. In an alternating step the point's phi is already a
        // function of theta (phi_1 = phi_0 + eta f(phi_0, theta_0)), so differentiate w.r.t. fresh view nodes: only
        // paths through them count, while the map stays differentiable end to end.
        phi = phi.View(phi.Shape);
        theta = theta.View(theta.Shape);
        var (f, g) = game.Field(phi, theta);
        var (rf, rg) = Drifted(scheme, f, g, phi, theta, etaPhi, etaTheta, regularisation.Drift, createGraph, wantF, wantG);
        return regularisation.HasPenalties ? ToyPenalties.Apply(regularisation, phi, theta, rf, rg, f, g, createGraph) : (rf, rg);
    }

    private static (Tensor? F, Tensor? G) Drifted(EulerScheme scheme, Tensor f, Tensor g, Tensor phi, Tensor theta,
        Tensor etaPhi, Tensor etaTheta, DriftRegulariser? reg, bool createGraph, bool wantF, bool wantG)
    {
        if (reg == null) return (wantF ? f : null, wantG ? g : null);
        Tensor? rf = null, rg = null;
        if (wantF)
        {
            var (fphiF, fthetaG) = DriftTerms.ForPhi(f, g, phi, theta, createGraph);
            var (cs, ci) = reg.PhiCoefficients(etaPhi, etaTheta);
            rf = f + reg.Self * cs * fphiF + reg.Interaction * ci * fthetaG;
        }
        if (wantG)
        {
            var (gphiF, gthetaG) = DriftTerms.ForTheta(f, g, phi, theta, createGraph);
            var (cs, ci) = reg.ThetaCoefficients(scheme, etaPhi, etaTheta);
            rg = g + reg.Self * cs * gthetaG + reg.Interaction * ci * gphiF;
        }
        return (rf, rg);
    }

    private static (Tensor, Tensor) Out(Tensor phi, Tensor theta, bool detach)
    {
        if (detach) { phi = phi.Detach(); theta = theta.Detach(); }
        return (phi.MoveToOuterDisposeScope(), theta.MoveToOuterDisposeScope());
    }
}
