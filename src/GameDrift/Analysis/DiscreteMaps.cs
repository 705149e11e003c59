using GameDrift.Games;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.ToyRuns;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis;

/// <summary>The exact discrete Euler maps of spec §3.1 (batched tensors; learning rates broadcast, e.g. [B, 1]),
/// optionally with a drift regulariser, and their Jacobians at a point by autograd through the map.</summary>
public static class DiscreteMaps
{
    /// <summary>One update of <see cref="UpdateRule"/> (the training schemes' rule) through <see cref="ToyOracle"/>:
    /// simultaneous phi += eta_phi f, theta += eta_theta g at the old point; alternating PhiSteps steps of phi then
    /// ThetaSteps steps of theta, each at the latest point (or the generator first). With <paramref name="createGraph"/>
    /// the result is differentiable in (phi, theta) even with a regulariser.</summary>
    public static (Tensor Phi, Tensor Theta) Step(IVectorFieldGame game, SchemeInfo update, Tensor phi, Tensor theta,
        Tensor etaPhi, Tensor etaTheta, ToyRegularisation? regulariser = null, bool createGraph = false)
    {
        Validate(update);
        var oracle = new ToyOracle(game, update, etaPhi, etaTheta, regulariser, createGraph);
        var (p, t) = UpdateRule.Step(update, new[] { phi }, new[] { theta }, oracle);
        return (p[0], t[0]);
    }

    /// <summary>One step from the joint states z [B, d] and the step's Jacobian applied to tangents v [B, d] (autograd
    /// through the map, regularisers included): the new states (detached) and J v.</summary>
    public static (Tensor Z, Tensor Jv) StepWithTangent(IVectorFieldGame game, SchemeInfo update, Tensor z, Tensor v,
        Tensor etaPhi, Tensor etaTheta, ToyRegularisation? regulariser)
    {
        var (p0, t0) = JointState.Split(game, z);
        var (phi, theta) = (Autodiff.Leaf(p0), Autodiff.Leaf(t0));
        var (p1, t1) = Step(game, update, phi, theta, etaPhi, etaTheta, regulariser, createGraph: regulariser != null);
        var (vp, vt) = JointState.Split(game, v);
        var jv = Autodiff.Jvp(new[] { p1, t1 }, new[] { phi, theta }, new[] { vp, vt });
        return (JointState.Join(p1, t1).Detach(), JointState.Join(jv[0], jv[1]));
    }

    /// <summary>d(map)/d(phi, theta) at z by autograd through the map (spec §7.3/§7.4 update Jacobians).</summary>
    public static Matrix<double> Jacobian(IVectorFieldGame game, SchemeInfo update, ReadOnlySpan<double> z,
        double etaPhi, double etaTheta, ToyRegularisation? regulariser = null) =>
        Jacobians(game, update, new[] { z.ToArray() }, new[] { etaPhi }, new[] { etaTheta }, regulariser)[0];

    /// <summary>The maps' Jacobians at points[i] with rates (etaPhi[i], etaTheta[i]), all from one batched step: row k * b + i
    /// carries configuration i with the tangent e_k, so its J v is column k of that configuration's Jacobian.</summary>
    public static Matrix<double>[] Jacobians(IVectorFieldGame game, SchemeInfo update, IReadOnlyList<double[]> points,
        double[] etaPhi, double[] etaTheta, ToyRegularisation? regulariser = null)
    {
        foreach (var p in points) JointState.Check(game, p.Length);
        int b = points.Count, d = game.PhiDim + game.ThetaDim;
        using var scope = torch.NewDisposeScope();
        var z = torch.Tensor(Enumerable.Repeat(points, d).SelectMany(p => p.SelectMany(x => x)).ToArray(), new long[] { b * d, d });
        var v = torch.Tensor(Enumerable.Range(0, b * d * d).Select(x => x / d / b == x % d ? 1.0 : 0.0).ToArray(), new long[] { b * d, d });
        Tensor Rates(double[] eta) => torch.Tensor(Enumerable.Repeat(eta, d).SelectMany(x => x).ToArray(), new long[] { b * d, 1 });
        var jv = StepWithTangent(game, update, z, v, Rates(etaPhi), Rates(etaTheta), regulariser).Jv.ToArray<double>();
        return Enumerable.Range(0, b).Select(i => Matrix<double>.Build.Dense(d, d, (r, k) => jv[(k * b + i) * d + r])).ToArray();
    }

    /// <summary>The spectral radius of the map's Jacobian at the equilibrium and its verdict.</summary>
    public static (double Rho, StabilityVerdict Verdict) AtEquilibrium(IVectorFieldGame game, SchemeInfo update,
        double etaPhi, double etaTheta, ToyRegularisation? regulariser = null)
    {
        var rho = Stability.SpectralRadius(Jacobian(game, update, JointState.RequireEquilibrium(game), etaPhi, etaTheta, regulariser));
        return (rho, Stability.OfSpectralRadius(rho));
    }

    /// <summary>The toy maps are the Euler schemes of spec §3.1: returns <paramref name="kind"/> unless it is RK4.</summary>
    public static SchemeKind RequireEuler(SchemeKind kind) => kind != SchemeKind.RungeKutta4 ? kind
        : throw new ArgumentException("scheme 'rk4': the toy maps take simultaneous or alternating (rk4 is a training scheme and a flow integrator)");

    /// <summary>Throws when <paramref name="scheme"/> is not an Euler scheme or its step counts make no sense for it.</summary>
    public static void Validate(SchemeInfo scheme)
    {
        RequireEuler(scheme.Kind);
        if (scheme.PhiSteps < 1 || scheme.ThetaSteps < 1)
            throw new ArgumentException($"step counts must be at least 1 (got discriminator {scheme.PhiSteps}, generator {scheme.ThetaSteps})");
        if (scheme.Kind == SchemeKind.Simultaneous && (scheme.PhiSteps != 1 || scheme.ThetaSteps != 1 || scheme.First != PlayerRole.Phi))
            throw new ArgumentException("simultaneous updates take exactly one step per player");
    }
}
