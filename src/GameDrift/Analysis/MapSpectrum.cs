using System.Numerics;
using GameDrift.Games;
using GameDrift.Schemes;
using GameDrift.ToyRuns;

namespace GameDrift.Analysis;

/// <summary>The update map linearised at the equilibrium, per configuration: its spectral radius rho (the asymptotic
/// growth factor per step, spec §7.3/§7.4) and the largest rotation angle of its eigenvalues per step, which sets the
/// run's time scale: one turn of the linearised rotation takes <see cref="Period"/> steps. The map is the scheme as run,
/// regularisers included.</summary>
public sealed record MapSpectrum(double[] Rho, double[] Angle)
{
    /// <summary>Steps per turn of the linearised rotation (0 when the map does not rotate).</summary>
    public double Period(int b) => Angle[b] > 1e-12 ? 2 * Math.PI / Angle[b] : 0;

    /// <summary>The spectrum of every configuration of <paramref name="batch"/> (the starts are not read); null when the game
    /// has no known equilibrium. The maps' Jacobians come by autograd through one batched step (the scheme's
    /// <see cref="Schemes.UpdateRule"/>), one tangent per coordinate.</summary>
    public static MapSpectrum? AtEquilibrium(IVectorFieldGame game, SchemeInfo update, ToyBatch batch, ToyRegularisation? reg)
    {
        if (game.Equilibrium is not { } eq) return null;
        int b = batch.Count;
        var maps = DiscreteMaps.Jacobians(game, update, Enumerable.Repeat(eq, b).ToArray(), batch.EtaPhi, batch.EtaTheta, reg);
        var rho = new double[b];
        var angle = new double[b];
        for (int i = 0; i < b; i++) (rho[i], angle[i]) = Measure(Stability.Eigenvalues(maps[i]));
        return new MapSpectrum(rho, angle);
    }

    /// <summary>A map's spectral radius and largest rotation angle per step, from its eigenvalues.</summary>
    internal static (double Rho, double Angle) Measure(IReadOnlyList<Complex> eigenvalues)
    {
        double rho = 0, angle = 0;
        foreach (var e in eigenvalues) (rho, angle) = (Math.Max(rho, e.Magnitude), Math.Max(angle, Math.Abs(e.Phase)));
        return (rho, angle);
    }
}
