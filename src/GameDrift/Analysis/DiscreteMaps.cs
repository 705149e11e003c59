using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Schemes;
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
        using var scope = torch.NewDisposeScope();
        var (p, t) = regulariser != null && !(phi.RequiresGrad && theta.RequiresGrad)
            ? (Autodiff.Leaf(phi), Autodiff.Leaf(theta)) : (phi, theta);
        if (update.Scheme == EulerScheme.Simultaneous)
        {
            var (f, g) = Fields(game, update, p, t, etaPhi, etaTheta, regulariser, createGraph, true, true);
            return Out(p + etaPhi * f!, t + etaTheta * g!, regulariser != null && !createGraph);
        }
        for (int s = 0; s < 2; s++)
        {
            bool phiTurn = update.DiscriminatorFirst ? s == 0 : s == 1;
            int k = phiTurn ? update.DiscSteps : update.GenSteps;
            for (int i = 0; i < k; i++)
            {
                var (f, g) = Fields(game, update, p, t, etaPhi, etaTheta, regulariser, createGraph, phiTurn, !phiTurn);
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
    private static (Tensor? F, Tensor? G) Fields(IVectorFieldGame game, EulerUpdate update, Tensor phi, Tensor theta,
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
        var (rf, rg) = Drifted(update, f, g, phi, theta, etaPhi, etaTheta, regularisation.Drifts, createGraph, wantF, wantG);
        return regularisation.HasPenalties ? ToyPenalties.Apply(regularisation, phi, theta, rf, rg, f, g, createGraph) : (rf, rg);
    }

    // Each drift regulariser adds m * d * term to its players' gradients (spec §5.1), i.e. -m * d * term to their fields;
    // the coefficient d is the same rate mix as on the tensor path, evaluated per configuration.
    private static (Tensor? F, Tensor? G) Drifted(EulerUpdate update, Tensor f, Tensor g, Tensor phi, Tensor theta,
        Tensor etaPhi, Tensor etaTheta, IReadOnlyList<DriftRegulariser> drifts, bool createGraph, bool wantF, bool wantG)
    {
        if (drifts.Count == 0) return (wantF ? f : null, wantG ? g : null);
        var info = update.Info;
        Tensor? rf = wantF ? f : null, rg = wantG ? g : null;
        if (wantF && drifts.Any(d => d.Players.Contains(PlayerRole.Phi)))
        {
            var (fphiF, fthetaG) = DriftTerms.ForPhi(f, g, phi, theta, createGraph);
            foreach (var d in drifts.Where(d => d.Players.Contains(PlayerRole.Phi)))
                rf = rf! - Coefficient(d, info, PlayerRole.Phi, etaPhi, etaTheta, self: true) * fphiF
                         - Coefficient(d, info, PlayerRole.Phi, etaPhi, etaTheta, self: false) * fthetaG;
        }
        if (wantG && drifts.Any(d => d.Players.Contains(PlayerRole.Theta)))
        {
            var (gphiF, gthetaG) = DriftTerms.ForTheta(f, g, phi, theta, createGraph);
            foreach (var d in drifts.Where(d => d.Players.Contains(PlayerRole.Theta)))
                rg = rg! - Coefficient(d, info, PlayerRole.Theta, etaTheta, etaPhi, self: true) * gthetaG
                         - Coefficient(d, info, PlayerRole.Theta, etaTheta, etaPhi, self: false) * gphiF;
        }
        return (rf, rg);
    }

    // m * d with d = Own eta_P + Other eta_O, per configuration.
    private static Tensor Coefficient(DriftRegulariser d, SchemeInfo info, PlayerRole player, Tensor etaOwn, Tensor etaOther, bool self)
    {
        var (m, mix) = self
            ? (d.SelfMultiplier, DriftCoefficients.SelfMix(d.Convention, info, player))
            : (d.InteractionMultiplier, DriftCoefficients.InteractionMix(d.Convention, info, player));
        return m * (mix.Own * etaOwn + mix.Other * etaOther);
    }

    private static (Tensor, Tensor) Out(Tensor phi, Tensor theta, bool detach)
    {
        if (detach) { phi = phi.Detach(); theta = theta.Detach(); }
        return (phi.MoveToOuterDisposeScope(), theta.MoveToOuterDisposeScope());
    }
}
