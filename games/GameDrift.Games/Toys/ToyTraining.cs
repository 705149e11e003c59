using System.Globalization;
using GameDrift.Games;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Training;
using GameDrift.Training.Observers;

namespace GameDrift.Games.Toys;

/// <summary>The toy games as games of the trainer, float64, trained from a config with the trainer's optimisers, schemes
/// and regularisers:
/// <list type="bullet">
/// <item><c>dirac-gan</c>: the Dirac-GAN as a GAN (<see cref="DiracGan.AsGan"/>: D(x) = phi x, G(z) = theta, data at 0,
/// the config's <c>loss</c>; saturating = the standard Dirac-GAN), so the GAN penalties (R1, R2, WGAN-GP) apply;</item>
/// <item><c>toy-NAME</c> for every toy of <see cref="ToyGames"/> (toy-dirac, toy-bilinear, toy-general-sum, toy-rotational,
/// ...): the toy itself, a game of the players' one-tensor parameters (its losses, or its fields for the rotational game;
/// drift regularisers act on fields too, CO and SGA need losses); the config's <c>loss</c> is not read.</item>
/// </list>
/// A run starts at the config's <c>start</c> ("PHI...,THETA...", the players' values concatenated; empty: the game's own
/// start), and metrics.csv gets the players' values (<c>phi</c>, <c>theta</c>, or <c>phi_0</c>, ... for vectors) and the
/// <c>distance</c> to the equilibrium (when known) on every logged row, step 0 included.</summary>
public static class ToyTraining
{
    public const string DiracGanName = "dirac-gan";

    /// <summary>Registers <c>dirac-gan</c> and <c>toy-NAME</c> for every toy game.</summary>
    public static void Register()
    {
        GameFactory.Register(DiracGanName, DiracGanDefinition);
        foreach (var name in ToyGames.Names) GameFactory.Register("toy-" + name, Definition(ToyGames.Create(name)));
    }

    /// <summary>The Dirac-GAN as a GAN of the trainer.</summary>
    public static GameDefinition DiracGanDefinition { get; } = Players(new DiracGan(), createGame: null);

    /// <summary>A toy game's own losses (or fields) as a game of the trainer.</summary>
    public static GameDefinition Definition(IVectorFieldGame toy) =>
        Players(toy, (_, _, _) => toy) with { IgnoresBatches = true };

    private static GameDefinition Players(IVectorFieldGame toy, Func<RunConfig, Module, Module, ITwoPlayerGame>? createGame) => new(
        (c, _) => new ToyPlayer("theta", Start(toy, c)[toy.PhiDim..], generator: true),
        (c, _) => new ToyPlayer("phi", Start(toy, c)[..toy.PhiDim], generator: false),
        Draw: (n, _) => torch.Zeros(new long[] { n, 1 }, ScalarType.Float64, null, false),
        Observers: s => [new TrajectoryObserver(s, toy)],
        CreateGame: createGame);

    /// <summary>The players' start from the config key <c>start</c>, or the game's own.</summary>
    public static double[] Start(IVectorFieldGame toy, RunConfig c)
    {
        int dim = toy.PhiDim + toy.ThetaDim;
        if (string.IsNullOrWhiteSpace(c.Start)) return toy.DefaultStart;
        var values = c.Start.Split(',', StringSplitOptions.TrimEntries)
            .Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN).ToArray();
        if (values.Length != dim || values.Any(double.IsNaN))
            throw new ArgumentException($"config key 'start' is '{c.Start}': game '{c.Game}' starts at {dim} finite numbers (phi then theta), comma-separated");
        return values;
    }

    /// <summary>One player of a toy game: its values as one float64 parameter. As a network it is the Dirac-GAN's player
    /// (D(x) = phi x; G(z) = theta for every latent), which only <c>dirac-gan</c> calls.</summary>
    private sealed class ToyPlayer : Module
    {
        private readonly bool generator;

        public ToyPlayer(string name, double[] start, bool generator)
        {
            Value = RegisterParameter(name, torch.Tensor(start));
            this.generator = generator;
        }

        public Tensor Value { get; }

        public override Tensor Forward(Tensor input) => generator ? DiracGan.Generator(input, Value) : DiracGan.Discriminator(input, Value);
    }

    /// <summary>The players' values and the distance to the equilibrium on every logged row.</summary>
    private sealed class TrajectoryObserver(TrainingSession session, IVectorFieldGame toy) : IStepObserver
    {
        private readonly int every = Math.Max(1, session.Config.LogEvery);

        public IReadOnlyList<string> Columns { get; } = [.. Names("phi", toy.PhiDim), .. Names("theta", toy.ThetaDim), .. toy.Equilibrium is null ? Array.Empty<string>() : ["distance"]];

        public bool Due(long step) => step % every == 0;

        public IReadOnlyDictionary<string, double> Observe(long step)
        {
            var z = ((ToyPlayer)session.Discriminator).Value.ToArray<double>().Concat(((ToyPlayer)session.Generator).Value.ToArray<double>()).ToArray();
            var row = new Dictionary<string, double>();
            for (var i = 0; i < z.Length; i++) row[Columns[i]] = z[i];
            if (toy.Equilibrium is { } eq) row["distance"] = Math.Sqrt(z.Zip(eq, (a, b) => (a - b) * (a - b)).Sum());
            return row;
        }

        private static IEnumerable<string> Names(string player, int dim) =>
            dim == 1 ? [player] : Enumerable.Range(0, dim).Select(i => $"{player}_{i}");
    }
}
