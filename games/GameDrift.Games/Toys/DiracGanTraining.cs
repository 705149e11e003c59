using System.Globalization;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Training;
using GameDrift.Training.Observers;

namespace GameDrift.Games.Toys;

/// <summary>The Dirac-GAN as a game of the trainer (config <c>game: dirac-gan</c>): the same two float64 players as
/// <see cref="DiracGan.AsGan"/>, D(x) = phi x and G(z) = theta, data at 0, the loss from the config's <c>loss</c>
/// (saturating = the standard Dirac-GAN). It starts at the config's <c>start</c> ("PHI,THETA"; empty: (1, 1)), and
/// metrics.csv gets the columns <c>phi</c>, <c>theta</c> and <c>distance</c> (to the equilibrium (0, 0)) on every
/// logged row, step 0 included, so a long run is a trajectory with the run's drift-term norms beside it.</summary>
public static class DiracGanTraining
{
    public const string Name = "dirac-gan";

    public static GameDefinition Definition { get; } = new(
        (c, _) => new DiracGenerator(Start(c)[1]),
        (c, _) => new DiracDiscriminator(Start(c)[0]),
        Draw: (n, _) => torch.Zeros(new long[] { n, 1 }, ScalarType.Float64, null, false),
        Observers: s => [new DiracTrajectoryObserver(s)]);

    /// <summary>(phi0, theta0) from the config key <c>start</c>.</summary>
    public static double[] Start(RunConfig c)
    {
        if (string.IsNullOrWhiteSpace(c.Start)) return [1.0, 1.0];
        var parts = c.Start.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN).ToArray();
        if (values.Length != 2 || values.Any(double.IsNaN))
            throw new ArgumentException($"config key 'start' is '{c.Start}': game '{Name}' starts at two finite numbers PHI,THETA");
        return values;
    }

    private sealed class DiracDiscriminator : Module
    {
        private readonly Tensor phi;
        public DiracDiscriminator(double phi0) => phi = RegisterParameter("phi", torch.Tensor(phi0));
        public Tensor Phi => phi;
        public override Tensor Forward(Tensor x) => x.To(ScalarType.Float64) * phi;
    }

    private sealed class DiracGenerator : Module
    {
        private readonly Tensor theta;
        public DiracGenerator(double theta0) => theta = RegisterParameter("theta", torch.Tensor(theta0));
        public Tensor Theta => theta;
        // G ignores its latent (the Dirac-GAN's generator is a point), but keeps the batch's rows.
        public override Tensor Forward(Tensor z) => z.Narrow(1, 0, 1).To(ScalarType.Float64) * 0.0 + theta;
    }

    /// <summary>The players' values on every logged row (the trainer logs every <c>log_every</c> steps).</summary>
    private sealed class DiracTrajectoryObserver(TrainingSession session) : IStepObserver
    {
        private readonly int every = Math.Max(1, session.Config.LogEvery);
        public IReadOnlyList<string> Columns { get; } = ["phi", "theta", "distance"];
        public bool Due(long step) => step % every == 0;

        public IReadOnlyDictionary<string, double> Observe(long step)
        {
            double p = ((DiracDiscriminator)session.Discriminator).Phi.ToDouble(), t = ((DiracGenerator)session.Generator).Theta.ToDouble();
            return new Dictionary<string, double> { ["phi"] = p, ["theta"] = t, ["distance"] = Math.Sqrt(p * p + t * t) };
        }
    }
}
