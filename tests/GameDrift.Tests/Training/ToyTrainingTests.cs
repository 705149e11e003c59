using System.Globalization;
using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.ToyRuns;
using GameDrift.Training;

using Approx = GameDrift.Tests.TestGames.Approx;

namespace GameDrift.Tests.Training;

/// <summary>One trainer for every game: the toys trained from a config (dirac-gan, toy-NAME: optimisers, scheme and
/// regularisers built by the trainer's factory) move as the toy path's batched runner does, to 1e-12, and a run
/// directory holds the trajectory.</summary>
public class ToyTrainingTests
{
    private const int Steps = 25;

    private static RunConfig Config(string scheme, string regularisers, params string[] overrides)
    {
        var c = new RunConfig
        {
            Game = ToyTraining.DiracGanName, Scheme = scheme, Optimizer = "sgd", LrD = 0.1, LrG = 0.3, Regularisers = regularisers,
            BatchSize = 2, LatentDim = 1, Steps = Steps, Start = "0.8,-0.6", LogEvery = 5, SampleEvery = 0, CheckpointEvery = 0,
        };
        ConfigLoader.ApplyOverrides(c, overrides);
        return c;
    }

    /// <summary>The toy path's iterates of the config's run (its scheme, rates, regularisers, steps) from <paramref name="start"/>.</summary>
    private static double[][] ToyIterates(IVectorFieldGame toy, RunConfig c, double[] start) =>
        BatchedToyRunner.Run(toy, new SchemeInfo(SchemeFactory.Parse(c.Scheme)), ToyBatch.Single(c.LrD, c.LrG, start),
            c.Steps, ToyRegularisation.Parse(c.Regularisers), recordTrajectory: true, backend: ToyBackend.Tensor)
            .Trajectory!.Select(rows => rows[0]).ToArray();

    /// <summary>The trainer's session on <paramref name="c"/> gives the toy path's iterates to 1e-12, step after step.</summary>
    private static void SessionFollowsTheToyPath(IVectorFieldGame toy, GameDefinition definition, RunConfig c, double[] start)
    {
        var expected = ToyIterates(toy, c, start);
        using var session = new TrainingSession(c, gameDefinition: definition);
        var (phi, theta) = (session.Discriminator.Parameters().Single(), session.Generator.Parameters().Single());
        for (var n = 0; n <= Steps; n++)
        {
            if (n > 0) session.Scheme.Step().Dispose();
            Approx.Equal(expected[n], [.. phi.ToArray<double>(), .. theta.ToArray<double>()], 1e-12, $"{c.Game} {c.Scheme} {c.Regularisers} step {n}");
        }
    }

    [Theory]
    [InlineData("simultaneous", "cancel-interaction")]
    [InlineData("alternating", "cancel-interaction:single-clock")]
    [InlineData("alternating", "co=0.3")]
    [InlineData("simultaneous", "")]
    public void TheTrainersSessionGivesTheToyIterates(string scheme, string regularisers) =>
        SessionFollowsTheToyPath(new DiracGan(), ToyTraining.DiracGanDefinition, Config(scheme, regularisers), [0.8, -0.6]);

    /// <summary>A toy game's own losses (toy-general-sum, the spec's T3 game, vector players) through the trainer's session.</summary>
    [Theory]
    [InlineData("alternating", "cancel-interaction:single-clock")]
    [InlineData("simultaneous", "sga=0.4,strengthen-self:g")]
    public void AToysOwnLossesTrainAsTheToyPath(string scheme, string regularisers)
    {
        var toy = new GeneralSumGame();
        SessionFollowsTheToyPath(toy, ToyTraining.Definition(toy), Config(scheme, regularisers, "game=toy-general-sum", "start="), toy.DefaultStart);
    }

    /// <summary>A toy game reads no batch, so the default split-batch estimator is exact at batch_size 1 (its evaluations get
    /// an empty batch), and its R1/R2 are the training penalties on its linear discriminator.</summary>
    [Theory]
    [InlineData("alternating", "cancel-interaction,r1=0.3")]
    [InlineData("simultaneous", "cancel-interaction:single-clock,r2=0.5")]
    public void AToyTrainsWithSplitBatchTermsAndPenaltiesAtBatchSizeOne(string scheme, string regularisers)
    {
        var toy = new DiracGan();
        SessionFollowsTheToyPath(toy, ToyTraining.Definition(toy), Config(scheme, regularisers, "game=toy-dirac", "batch_size=1"), [0.8, -0.6]);
    }

    /// <summary>A game that reads batches cannot split a batch of one: the session refuses it by its key, before any step.</summary>
    [Fact]
    public void SplitBatchTermsOnBatchesOfOneAreRefusedByTheKey()
    {
        var e = Assert.Throws<ArgumentException>(() => new TrainingSession(Config("simultaneous", "cancel-interaction", "batch_size=1"),
            gameDefinition: ToyTraining.DiracGanDefinition));
        Assert.Contains("batch_size", e.Message);
        Assert.Contains(":same-batch", e.Message);
        SessionFollowsTheToyPath(new DiracGan(), ToyTraining.DiracGanDefinition, Config("simultaneous", "cancel-interaction:same-batch", "batch_size=1"), [0.8, -0.6]);
    }

    [Fact]
    public void EveryToyIsATrainerGame()
    {
        BuiltInGames.Register();
        foreach (var name in new[] { "toy-dirac", "toy-dirac-ns", "toy-dirac-wgan", "toy-bilinear", "toy-rotational", "toy-general-sum", ToyTraining.DiracGanName })
            Assert.Contains(name, GameFactory.Names);
    }

    /// <summary>The rotational game has fields, not losses: the trainer steps along them, with the drift regularisers as
    /// Jacobian-vector products of the fields, as the toy path does; CO, which needs losses, is refused by name.</summary>
    [Theory]
    [InlineData("alternating", "")]
    [InlineData("simultaneous", "cancel-interaction")]
    [InlineData("alternating", "cancel-interaction:single-clock,strengthen-self:d")]
    public void AFieldGameTrainsAlongItsFields(string scheme, string regularisers)
    {
        var toy = new RotationalGame(0.2, 0.3);
        SessionFollowsTheToyPath(toy, ToyTraining.Definition(toy), Config(scheme, regularisers, "game=toy-rotational", "start=0.5,-0.4"), [0.5, -0.4]);
    }

    [Fact]
    public void CoOnAFieldGameIsRefusedByName()
    {
        using var session = new TrainingSession(Config("simultaneous", "co=0.1", "start=0.5,-0.4"), gameDefinition: ToyTraining.Definition(new RotationalGame(0.2, 0.3)));
        var e = Assert.ThrowsAny<InvalidOperationException>(() => session.Scheme.Step());
        Assert.Contains("needs a differentiable game", e.Message);
    }

    [Fact]
    public void ARunWritesTheTrajectoryBesideTheDriftTerms()
    {
        BuiltInGames.Register();
        using var dir = new TempDirectory();
        var config = Config("alternating", "cancel-interaction");
        var result = new Trainer(config, dir.Path).Run();
        Assert.Equal(RunStatus.Finished, result.State);
        var (header, rows) = MetricsLog.Read(Path.Combine(dir.Path, "metrics.csv"));
        double At(double?[] row, string column) => row[Array.IndexOf(header, column)] ?? double.NaN;
        Assert.Equal(new double[] { 0, 5, 10, 15, 20, 25 }, rows.Select(r => At(r, "step")));
        var toy = ToyIterates(new DiracGan(), config, [0.8, -0.6]);
        foreach (var r in rows)
        {
            var n = (int)At(r, "step");
            // metrics.csv keeps 9 significant digits.
            Assert.InRange(At(r, "phi") - toy[n][0], -1e-8, 1e-8);
            Assert.InRange(At(r, "theta") - toy[n][1], -1e-8, 1e-8);
            Assert.InRange(At(r, "distance") - Math.Sqrt(toy[n][0] * toy[n][0] + toy[n][1] * toy[n][1]), -1e-8, 1e-8);
            if (n > 0) Assert.True(At(r, "interaction_drift_d") > 0, $"step {n}: the drift-term norms are measured");
        }
    }

    [Theory]
    [InlineData("1", "2 finite numbers")]
    [InlineData("1,x", "2 finite numbers")]
    public void ABadStartIsRefusedByItsKey(string start, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new TrainingSession(Config("simultaneous", "", $"start={start}"), gameDefinition: ToyTraining.DiracGanDefinition));
        Assert.Contains("'start'", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
