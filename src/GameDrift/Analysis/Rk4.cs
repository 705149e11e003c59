using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>Classical RK4 on batched states z [B, d] with a per-row step (a tensor broadcasting against z, e.g. [B, 1]),
/// so flows for several step sizes integrate in one tensor computation.</summary>
public static class Rk4
{
    /// <summary>Integrates z' = field(z) over <paramref name="substeps"/> steps of size <paramref name="dt"/>
    /// (total time substeps * dt per row) and returns the end state.</summary>
    public static Tensor Integrate(Func<Tensor, Tensor> field, Tensor z0, Tensor dt, int substeps)
    {
        if (substeps < 1) throw new ArgumentException("RK4 needs at least one substep", nameof(substeps));
        var z = z0.Detach();
        for (int i = 0; i < substeps; i++)
        {
            using var scope = torch.NewDisposeScope();
            var next = Step(field, z, dt).MoveToOuterDisposeScope();
            z.Dispose();
            z = next;
        }
        return z;
    }

    /// <summary>One RK4 step: z + dt/6 (k1 + 2k2 + 2k3 + k4).</summary>
    public static Tensor Step(Func<Tensor, Tensor> field, Tensor z, Tensor dt)
    {
        using var scope = torch.NewDisposeScope();
        var half = dt * 0.5;
        var k1 = field(z);
        var k2 = field(z + half * k1);
        var k3 = field(z + half * k2);
        var k4 = field(z + dt * k3);
        var result = z + dt / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
        return result.Detach().MoveToOuterDisposeScope();
    }
}
