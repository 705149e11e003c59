using GameDrift.Games;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.ToyRuns;

namespace GameDrift.Analysis;

/// <summary>Which continuous model of the Euler iterates.</summary>
public enum FlowKind
{
    /// <summary>The unmodified flow of (eta_phi f, eta_theta g) in iteration time.</summary>
    Original,
    /// <summary>The §3.2 paper form; one-step reading per player (phi at tau = eta_phi, theta at tau = eta_theta).</summary>
    ModifiedPaper,
    /// <summary>The §3.3 single-clock modified flow in iteration time.</summary>
    ModifiedSingleClock,
    /// <summary>The paper form with rows scaled by the learning rates, read on one clock (§3.3, trajectory use).</summary>
    ModifiedPaperOneClock,
}

/// <summary>Joint-state field functions z [B, d] -> z', their RK4 integration, and flow solves that model Euler steps.</summary>
public static class Flows
{
    /// <summary>The field of <paramref name="kind"/> as a function of the joint state. For
    /// <see cref="FlowKind.ModifiedPaper"/> it is the per-player-time field (integrate to tau = eta of the player read).</summary>
    public static Func<Tensor, Tensor> Field(IVectorFieldGame game, SchemeKind scheme, FlowKind kind, Tensor etaPhi, Tensor etaTheta) =>
        z =>
        {
            var (phi, theta) = JointState.Split(game, z);
            var (f, g) = kind switch
            {
                FlowKind.Original => ModifiedFields.Original(game, phi, theta, etaPhi, etaTheta),
                FlowKind.ModifiedSingleClock => ModifiedFields.SingleClock(game, scheme, phi, theta, etaPhi, etaTheta),
                FlowKind.ModifiedPaper => ModifiedFields.Paper(game, scheme, phi, theta, etaPhi, etaTheta),
                _ => ModifiedFields.PaperOnOneClock(game, scheme, phi, theta, etaPhi, etaTheta),
            };
            return JointState.Join(f, g);
        };

    /// <summary>The flow's prediction of <paramref name="steps"/> Euler steps from z0 (rows: configurations), with
    /// <paramref name="substeps"/> RK4 steps per Euler step; <paramref name="each"/> sees the prediction after every Euler
    /// step (valid during the call). The paper form is read per player at n*eta_phi and n*eta_theta (two solves).</summary>
    public static Tensor Predict(IVectorFieldGame game, SchemeKind scheme, FlowKind kind, Tensor z0, Tensor etaPhi, Tensor etaTheta,
        int steps = 1, int substeps = 50, Action<int, Tensor>? each = null)
    {
        using var scope = torch.NewDisposeScope();
        var field = Field(game, scheme, kind, etaPhi, etaTheta);
        var clocks = kind == FlowKind.ModifiedPaper ? new[] { etaPhi / substeps, etaTheta / substeps } : new[] { torch.OnesLike(etaPhi) / substeps };
        var states = clocks.Select(_ => z0).ToArray();
        var z = z0;
        for (int n = 1; n <= steps; n++)
        {
            for (int c = 0; c < clocks.Length; c++)
            {
                var next = Integrate(game, field, states[c], clocks[c], substeps);
                if (n > 1) states[c].Dispose();
                states[c] = next;
            }
            if (n > 1 && clocks.Length == 2) z.Dispose();
            z = clocks.Length == 1 ? states[0]
                : torch.Cat(new[] { states[0].Narrow(-1, 0, game.PhiDim), states[1].Narrow(-1, game.PhiDim, game.ThetaDim) }, -1);
            each?.Invoke(n, z);
        }
        return z.MoveToOuterDisposeScope();
    }

    /// <summary>Integrates z' = field(z) from z0 (rows: configurations) over <paramref name="substeps"/> steps of size
    /// <paramref name="dt"/> (a tensor broadcasting against z, e.g. [B, 1]): the schemes' RK4 rule
    /// (<see cref="UpdateRule.RungeKutta4"/>) with both players' rate dt, i.e. z + dt/6 (k1 + 2k2 + 2k3 + k4).</summary>
    public static Tensor Integrate(IVectorFieldGame game, Func<Tensor, Tensor> field, Tensor z0, Tensor dt, int substeps)
    {
        if (substeps < 1) throw new ArgumentException("RK4 needs at least one substep", nameof(substeps));
        var oracle = new ToyOracle(game, new SchemeInfo(SchemeKind.RungeKutta4), dt, dt, null, createGraph: false,
            (phi, theta) => JointState.Split(game, field(JointState.Join(phi, theta))));
        var z = z0.Detach();
        for (int i = 0; i < substeps; i++)
        {
            using var scope = torch.NewDisposeScope();
            var (phi, theta) = JointState.Split(game, z);
            var (p, t) = UpdateRule.RungeKutta4(new[] { phi }, new[] { theta }, oracle);
            var next = JointState.Join(p[0], t[0]).Detach().MoveToOuterDisposeScope();
            z.Dispose();
            z = next;
        }
        return z;
    }
}
