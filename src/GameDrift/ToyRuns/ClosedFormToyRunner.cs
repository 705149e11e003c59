using GameDrift.Analysis;
using GameDrift.Games;

namespace GameDrift.ToyRuns;

/// <summary>The fast path of <see cref="BatchedToyRunner"/> for games with a closed-form field and tangent map and
/// no drift regulariser (R1/R2 always, CO and other-norm SGA when the game gives its norm terms in closed form): each configuration runs the same float64 loop (in parallel over configurations), so batched
/// and single runs agree bit for bit.</summary>
internal static class ClosedFormToyRunner
{
    public static ToyBatchResult Run(IClosedFormField game, SchemeInfo update, ToyBatch batch, int steps, bool record,
        ToyRegularisation? reg, MapSpectrum? spectrum)
    {
        int b = batch.Count, dim = game.PhiDim + game.ThetaDim;
        var final = new double[b][];
        var trackers = BatchedToyRunner.Trackers(game, b, steps, spectrum);
        var lyap = new double[b];
        var trajectory = record ? Enumerable.Range(0, steps + 1).Select(_ => new double[b][]).ToArray() : null;
        Parallel.For(0, b, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new Work(game, reg, update),
            (i, _, work) =>
            {
                var (f, l) = work.Run(update, batch.EtaPhi[i], batch.EtaTheta[i], batch.Starts[i], steps, trackers[i],
                    trajectory == null ? null : (n, z) => trajectory[n][i] = z);
                final[i] = f; lyap[i] = l;
                return work;
            }, _ => { });
        return BatchedToyRunner.Summarise(trackers, final, lyap, steps, trajectory, spectrum);
    }

    /// <summary>The spectrum of every configuration's update map linearised at the equilibrium (what
    /// <see cref="MapSpectrum.AtEquilibrium"/> gives by autograd), from the closed-form tangent map: one step per unit
    /// tangent, in parallel over configurations; null when the game has no known equilibrium.</summary>
    public static MapSpectrum? Spectrum(IClosedFormField game, SchemeInfo update, ToyBatch batch, ToyRegularisation? reg)
    {
        if (game.Equilibrium is not { } eq) return null;
        int b = batch.Count;
        var (rho, angle) = (new double[b], new double[b]);
        Parallel.For(0, b, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new Work(game, reg, update),
            (i, _, work) =>
            {
                // Row-major, without a matrix object for 2x2 maps (the Dirac-GAN's, 10^4 per sweep): a sweep's fixed cost stays small.
                var j = work.MapJacobian(update, batch.EtaPhi[i], batch.EtaTheta[i], eq);
                (rho[i], angle[i]) = MapSpectrum.Measure(Stability.Eigenvalues(j, eq.Length));
                return work;
            }, _ => { });
        return new MapSpectrum(rho, angle);
    }

    /// <summary>Per-thread scratch buffers and the single-configuration loop.</summary>
    private sealed class Work
    {
        private readonly IClosedFormField game;
        private readonly int np, nt;
        private readonly double[] z, v, f, g, df, dg, jacobian;
        private readonly double penalty;
        private readonly (double Self, double Other)[] w;
        private readonly NormTerms? norms;

        public Work(IClosedFormField game, ToyRegularisation? reg, SchemeInfo update)
        {
            this.game = game;
            penalty = reg?.PenaltyGamma ?? 0;
            w = reg?.NormWeights(update) ?? new (double, double)[2];
            if (w.Any(x => x != default)) norms = new NormTerms(game.PhiDim, game.ThetaDim);
            np = game.PhiDim; nt = game.ThetaDim;
            z = new double[np + nt]; v = new double[np + nt];
            f = new double[np]; g = new double[nt]; df = new double[np]; dg = new double[nt];
            jacobian = new double[(np + nt) * (np + nt)];
        }

        public (double[] Final, double Lyapunov) Run(SchemeInfo update, double etaPhi, double etaTheta,
            double[] start, int steps, DistanceTracker tracker, Action<int, double[]>? record)
        {
            var order = Order(update);
            start.CopyTo(z, 0);
            Array.Fill(v, 1.0 / Math.Sqrt(z.Length));
            tracker.Observe(0, z);
            record?.Invoke(0, (double[])z.Clone());
            double logSum = 0, growth = 1; // logs taken in blocks: the product of norms stays far from under/overflow
            for (int n = 1; n <= steps; n++)
            {
                Step(order, etaPhi, etaTheta);
                double norm = 0;
                for (int i = 0; i < v.Length; i++) norm += v[i] * v[i];
                norm = Math.Sqrt(norm);
                growth *= norm;
                if (!(growth < 1e100 && growth > 1e-100) || n == steps) { logSum += Math.Log(growth); growth = 1; }
                for (int i = 0; i < v.Length; i++) v[i] /= norm;
                tracker.Observe(n, z);
                record?.Invoke(n, (double[])z.Clone());
            }
            return ((double[])z.Clone(), logSum / steps);
        }

        /// <summary>The Jacobian of one update at <paramref name="point"/>, row-major in a buffer of this worker (valid until
        /// its next call): column k is the tangent e_k after the step.</summary>
        public double[] MapJacobian(SchemeInfo update, double etaPhi, double etaTheta, double[] point)
        {
            int d = z.Length;
            var order = Order(update);
            for (int k = 0; k < d; k++)
            {
                point.CopyTo(z, 0);
                Array.Clear(v);
                v[k] = 1;
                Step(order, etaPhi, etaTheta);
                for (int r = 0; r < d; r++) jacobian[r * d + k] = v[r];
            }
            return jacobian;
        }

        // The players' sub-steps of one update: both at once (order null: simultaneous) or one after the other.
        private static PlayerRole[]? Order(SchemeInfo update) => update.Kind == SchemeKind.Simultaneous ? null : update.AlternatingOrder.ToArray();

        private void Step(PlayerRole[]? order, double etaPhi, double etaTheta)
        {
            if (order is null) Move(etaPhi, etaTheta);
            else foreach (var p in order) Move(p == PlayerRole.Phi ? etaPhi : 0, p == PlayerRole.Theta ? etaTheta : 0);
        }

        // phi += eta_phi f, theta += eta_theta g at the current point (a rate of 0: that player stays, as in an alternating
        // sub-step); the tangent moves by the same linearised map.
        private void Move(double etaPhi, double etaTheta)
        {
            var phi = z.AsSpan(0, np); var theta = z.AsSpan(np, nt);
            var vp = v.AsSpan(0, np); var vt = v.AsSpan(np, nt);
            FieldAndJvp(phi, theta, vp, vt);
            if (etaPhi != 0) for (int i = 0; i < np; i++) { phi[i] += etaPhi * f[i]; vp[i] += etaPhi * df[i]; }
            if (etaTheta != 0) for (int i = 0; i < nt; i++) { theta[i] += etaTheta * g[i]; vt[i] += etaTheta * dg[i]; }
        }

        // The game's field and tangent plus the penalties: R1/R2 (f -= gamma phi), CO and SGA (their weights of the norm terms).
        private void FieldAndJvp(Span<double> phi, Span<double> theta, Span<double> vp, Span<double> vt)
        {
            game.FieldAndJvp(phi, theta, vp, vt, f, g, df, dg);
            if (penalty != 0)
                for (int i = 0; i < np; i++) { f[i] -= penalty * phi[i]; df[i] -= penalty * vp[i]; }
            if (norms is null) return;
            ((IClosedFormNormTerms)game).NormTermsAndJvp(phi, theta, vp, vt, norms);
            for (int i = 0; i < np; i++)
            {
                f[i] -= w[0].Self * norms.SelfPhi[i] + w[0].Other * norms.OtherPhi[i];
                df[i] -= w[0].Self * norms.DSelfPhi[i] + w[0].Other * norms.DOtherPhi[i];
            }
            for (int i = 0; i < nt; i++)
            {
                g[i] -= w[1].Self * norms.SelfTheta[i] + w[1].Other * norms.OtherTheta[i];
                dg[i] -= w[1].Self * norms.DSelfTheta[i] + w[1].Other * norms.DOtherTheta[i];
            }
        }
    }
}
