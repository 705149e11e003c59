using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>The original and first-order modified flows of the Euler schemes, batched, with learning rates
/// eta_phi = alpha*h and eta_theta = lambda*h given as tensors that broadcast against the players (e.g. [B, 1]).
/// <para>"Iteration time": one Euler step advances time by 1, so the single-clock fields are the spec's §3.3 fields
/// times h, written with eta_phi and eta_theta only. The paper form is on per-player time tau (§3.2): read phi at
/// tau = eta_phi and theta at tau = eta_theta after one step.</para>
/// Alternating updates here mean one step per player, discriminator first.</summary>
public static class ModifiedFields
{
    /// <summary>The original flow in iteration time: (eta_phi f, eta_theta g).</summary>
    public static (Tensor F, Tensor G) Original(IVectorFieldGame game, Tensor phi, Tensor theta, Tensor etaPhi, Tensor etaTheta)
    {
        var (f, g) = game.Field(phi, theta);
        using (f) using (g) return (etaPhi * f, etaTheta * g);
    }

    /// <summary>§3.3 single clock, iteration time. Simultaneous:
    /// phi' = eta_phi [f - ½(eta_phi f_phi f + eta_theta f_theta g)], theta' = eta_theta [g - ½(eta_phi g_phi f + eta_theta g_theta g)];
    /// alternating: the g_phi f coefficient becomes -eta_phi (the extra +eta_phi eta_theta g_phi f).</summary>
    public static (Tensor F, Tensor G) SingleClock(IVectorFieldGame game, SchemeKind scheme, Tensor phi, Tensor theta,
        Tensor etaPhi, Tensor etaTheta, bool createGraph = false)
    {
        using var scope = torch.NewDisposeScope();
        var (p, t) = Inputs(phi, theta);
        var d = DriftTerms.Compute(game, p, t, createGraph);
        var gphiCoef = DiscreteMaps.RequireEuler(scheme) == SchemeKind.Simultaneous ? etaPhi : -etaPhi;
        var mf = etaPhi * (d.F - 0.5 * (etaPhi * d.FphiF + etaTheta * d.FthetaG));
        var mg = etaTheta * (d.G - 0.5 * (gphiCoef * d.GphiF + etaTheta * d.GthetaG));
        return Out(mf, mg, createGraph);
    }

    /// <summary>§3.2 paper form, per-player time. phi' = f - eta_phi/2 (f_phi f + f_theta g);
    /// theta' = g - eta_theta/2 (c g_phi f + g_theta g) with c = 1 (simultaneous) or 1 - 2 eta_phi/eta_theta (alternating).</summary>
    public static (Tensor F, Tensor G) Paper(IVectorFieldGame game, SchemeKind scheme, Tensor phi, Tensor theta,
        Tensor etaPhi, Tensor etaTheta, bool createGraph = false)
    {
        using var scope = torch.NewDisposeScope();
        var (p, t) = Inputs(phi, theta);
        var d = DriftTerms.Compute(game, p, t, createGraph);
        var c = DiscreteMaps.RequireEuler(scheme) == SchemeKind.Simultaneous ? torch.OnesLike(etaPhi) : 1.0 - 2.0 * etaPhi / etaTheta;
        var mf = d.F - 0.5 * etaPhi * (d.FphiF + d.FthetaG);
        var mg = d.G - 0.5 * etaTheta * (c * d.GphiF + d.GthetaG);
        return Out(mf, mg, createGraph);
    }

    /// <summary>The paper form rewritten on the single clock (phi-row times eta_phi, theta-row times eta_theta):
    /// the reading under which it fails as a trajectory model when alpha != lambda (§3.3).</summary>
    public static (Tensor F, Tensor G) PaperOnOneClock(IVectorFieldGame game, SchemeKind scheme, Tensor phi, Tensor theta,
        Tensor etaPhi, Tensor etaTheta, bool createGraph = false)
    {
        var (f, g) = Paper(game, scheme, phi, theta, etaPhi, etaTheta, createGraph);
        using (f) using (g) return (etaPhi * f, etaTheta * g);
    }

    // Drift terms need inputs that require grad; without createGraph, fresh leaves cut any outer graph.
    private static (Tensor, Tensor) Inputs(Tensor phi, Tensor theta) =>
        phi.RequiresGrad && theta.RequiresGrad ? (phi, theta) : (Autodiff.Leaf(phi), Autodiff.Leaf(theta));

    private static (Tensor, Tensor) Out(Tensor f, Tensor g, bool createGraph)
    {
        if (!createGraph) { f = f.Detach(); g = g.Detach(); }
        return (f.MoveToOuterDisposeScope(), g.MoveToOuterDisposeScope());
    }
}
