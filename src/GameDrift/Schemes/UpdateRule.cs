using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Schemes;

/// <summary>The update rules of spec §3.1 (simultaneous, alternating) and §5.4 (RK4), each written once as a function of
/// the players' parameters and an <see cref="IStepOracle"/>: training calls them on the networks' parameters (updated in
/// place), the toy analysis on batched float64 tensors [B, d]. Each sub-step runs in its own dispose scope.</summary>
public static class UpdateRule
{
    private static readonly double[] Rk4Offset = { 0.5, 0.5, 1.0 };
    private static readonly double[] Rk4Weight = { 1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6 };

    /// <summary>One step of <paramref name="scheme"/> (kind, order, steps per player; the rates are the oracle's).</summary>
    public static (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) Step(SchemeInfo scheme,
        IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, IStepOracle oracle) => scheme.Kind switch
    {
        SchemeKind.Simultaneous => Simultaneous(phi, theta, oracle),
        SchemeKind.Alternating => Alternating(phi, theta, oracle, scheme.AlternatingOrder),
        _ => RungeKutta4(phi, theta, oracle),
    };

    /// <summary>Both gradients at the old point, then both updates:
    /// phi_{n+1} = phi_n - eta_phi grad_phi L1(z_n), theta_{n+1} = theta_n - eta_theta grad_theta L2(z_n).</summary>
    public static (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) Simultaneous(IReadOnlyList<Tensor> phi,
        IReadOnlyList<Tensor> theta, IStepOracle oracle)
    {
        using var scope = torch.NewDisposeScope();
        var (gPhi, gTheta) = oracle.Gradients(phi, theta, true, true);
        var p = oracle.Update(PlayerRole.Phi, phi, gPhi!);
        var t = oracle.Update(PlayerRole.Theta, theta, gTheta!);
        return (Survive(p, phi), Survive(t, theta));
    }

    /// <summary>The players move in <paramref name="order"/> (<see cref="SchemeInfo.AlternatingOrder"/>: the first player's k
    /// steps, then the other's), each gradient at the latest point (spec §3.1).</summary>
    public static (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) Alternating(IReadOnlyList<Tensor> phi,
        IReadOnlyList<Tensor> theta, IStepOracle oracle, IEnumerable<PlayerRole> order)
    {
        foreach (var player in order)
        {
            // A scope per sub-step: with k > 1 the earlier graphs are not kept alive.
            using var scope = torch.NewDisposeScope();
            var isPhi = player == PlayerRole.Phi;
            var (gPhi, gTheta) = oracle.Gradients(phi, theta, isPhi, !isPhi);
            if (isPhi) phi = Survive(oracle.Update(player, phi, gPhi!), phi);
            else theta = Survive(oracle.Update(player, theta, gTheta!), theta);
        }
        return (phi, theta);
    }

    /// <summary>Classical RK4 on the single-clock field (-eta_phi grad_phi L1, -eta_theta grad_theta L2) with unit step
    /// (ODE-GAN, spec §3.3, §5.4): stages k1 at z, k2 at z - eta/2 k1, k3 at z - eta/2 k2, k4 at z - eta k3, and the
    /// player's update along (k1 + 2 k2 + 2 k3 + k4)/6, so plain SGD gives exactly classical RK4.</summary>
    public static (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) RungeKutta4(IReadOnlyList<Tensor> phi,
        IReadOnlyList<Tensor> theta, IStepOracle oracle)
    {
        using var scope = torch.NewDisposeScope();
        var start = new[] { oracle.Keep(phi), oracle.Keep(theta) };
        var z = new[] { phi, theta };
        var sum = new Tensor[2][];
        for (var stage = 0; stage < 4; stage++)
        {
            var (kPhi, kTheta) = oracle.Gradients(z[0], z[1], true, true);
            var k = new[] { kPhi!, kTheta! };
            for (var i = 0; i < 2; i++)
            {
                sum[i] = sum[i] is null ? k[i].Select(g => g * Rk4Weight[stage]).ToArray()
                    : sum[i].Zip(k[i], (s, g) => s + g * Rk4Weight[stage]).ToArray();
                if (stage < 3) z[i] = oracle.Move(i == 0 ? PlayerRole.Phi : PlayerRole.Theta, start[i], k[i], Rk4Offset[stage]);
            }
        }
        var p = oracle.Update(PlayerRole.Phi, start[0], sum[0]);
        var t = oracle.Update(PlayerRole.Theta, start[1], sum[1]);
        return (Survive(p, phi), Survive(t, theta));
    }

    // New tensors outlive the sub-step's scope; parameters updated in place stay where they live.
    private static IReadOnlyList<Tensor> Survive(IReadOnlyList<Tensor> result, IReadOnlyList<Tensor> given)
    {
        for (var i = 0; i < result.Count; i++)
            if (!ReferenceEquals(result[i], given[i])) result[i].MoveToOuterDisposeScope();
        return result;
    }
}
