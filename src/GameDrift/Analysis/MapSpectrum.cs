using System.Numerics;
using GameDrift.Games;
using GameDrift.Torch;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis;

/// <summary>The update map linearised at the equilibrium, per configuration: its spectral radius rho (the asymptotic
/// growth factor per step, spec §7.3/§7.4) and the largest rotation angle of its eigenvalues per step, which sets the
/// run's time scale: one turn of the linearised rotation takes <see cref="Period"/> steps. The map is the scheme as run,
/// regularisers included.</summary>
public sealed record MapSpectrum(double[] Rho, double[] Angle)
{
    /// <summary>Steps per turn of the linearised rotation (0 when the map does not rotate).</summary>
    public double Period(int b) => Angle[b] > 1e-12 ? 2 * Math.PI / Angle[b] : 0;

    /// <summary>The spectrum of every configuration of <paramref name="batch"/>; null when the game has no known equilibrium.
    /// Without regularisers the map's Jacobian comes from the field's (<see cref="LinearisedMaps"/>); with them, by
    /// autograd through one batched regularised step, one tangent per coordinate.</summary>
    public static MapSpectrum? AtEquilibrium(IVectorFieldGame game, EulerUpdate update, ToyBatch batch, ToyRegularisation? reg)
    {
        if (game.Equilibrium is not { } eq) return null;
        int b = batch.Count, d = eq.Length;
        var maps = new Matrix<double>[b];
        if (reg is null)
        {
            var j = FieldJacobian.Of(game, eq);
            for (int i = 0; i < b; i++) maps[i] = LinearisedMaps.Jacobian(j, game.PhiDim, update, batch.EtaPhi[i], batch.EtaTheta[i]);
        }
        else
        {
            using var scope = torch.NewDisposeScope();
            var z = torch.Tensor(Enumerable.Range(0, b).SelectMany(_ => eq).ToArray(), new long[] { b, d });
            var (p0, t0) = JointState.Split(game, z);
            var phi = Autodiff.Leaf(p0);
            var theta = Autodiff.Leaf(t0);
            var etaPhi = torch.Tensor(batch.EtaPhi, new long[] { b, 1 });
            var etaTheta = torch.Tensor(batch.EtaTheta, new long[] { b, 1 });
            var (p1, t1) = DiscreteMaps.Step(game, update, phi, theta, etaPhi, etaTheta, reg, createGraph: true);
            for (int i = 0; i < b; i++) maps[i] = Matrix<double>.Build.Dense(d, d);
            for (int k = 0; k < d; k++)
            {
                var e = torch.Zeros(new long[] { b, d }, torch.float64);
                e.Narrow(-1, k, 1).Fill_(1.0);
                var (ep, et) = JointState.Split(game, e);
                var column = Autodiff.Jvp(new[] { p1, t1 }, new[] { phi, theta }, new[] { ep, et });
                var values = JointState.Join(column[0], column[1]).ToArray<double>();
                for (int i = 0; i < b; i++)
                    for (int r = 0; r < d; r++) maps[i][r, k] = values[i * d + r];
            }
        }
        var rho = new double[b];
        var angle = new double[b];
        for (int i = 0; i < b; i++)
        {
            var ev = Stability.Eigenvalues(maps[i]);
            rho[i] = ev.Max(x => x.Magnitude);
            angle[i] = ev.Max(x => Math.Abs(x.Phase));
        }
        return new MapSpectrum(rho, angle);
    }
}
