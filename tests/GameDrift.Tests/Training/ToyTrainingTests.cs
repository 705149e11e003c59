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

    private static double[][] ToyIterates(RunConfig c) =>
        BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeFactory.Parse(c.Scheme)), ToyBatch.Single(c.LrD, c.LrG, [0.8, -0.6]),
            c.Steps, ToyRegularisation.Parse(c.Regularisers), recordTrajectory: true, backend: ToyBackend.Tensor)
            .Trajectory!.Select(rows => rows[0]).ToArray();

    [Theory]
    [InlineData("simultaneous", "cancel-interaction")]
    [InlineData("alternating", "cancel-interaction:single-clock")]
    [InlineData("alternating", "co=0.3")]
    [InlineData("simultaneous", "")]
    public void TheTrainersSessionGivesTheToyIterates(string scheme, string regularisers)
    {
        var config = Config(scheme, regularisers);
        var toy = ToyIterates(config);
        using var session = new TrainingSession(config, gameDefinition: ToyTraining.DiracGanDefinition);
        var (phi, theta) = (session.Discriminator.Parameters().Single(), session.Generator.Parameters().Single());
        for (var n = 0; n <= Steps; n++)
        {
            if (n > 0) session.Scheme.Step().Dispose();
            Approx.Equal(toy[n], [phi.ToDouble(), theta.ToDouble()], 1e-12, $"{scheme} {regularisers} step {n}");
        }
    }

    /// <summary>A toy game's own losses (toy-general-sum, the spec's T3 game, vector players) through the trainer's session.</summary>
    [Theory]
    [InlineData("alternating", "cancel-interaction:single-clock")]
    [InlineData("simultaneous", "sga=0.4,strengthen-self:g")]
    public void AToysOwnLossesTrainAsTheToyPath(string scheme, string regularisers)
    {
        var toy = new GeneralSumGame();
        var config = Config(scheme, regularisers, "game=toy-general-sum", "start=");
        var expected = BatchedToyRunner.Run(toy, new SchemeInfo(SchemeFactory.Parse(scheme)), ToyBatch.Single(config.LrD, config.LrG, toy.DefaultStart),
            Steps, ToyRegularisation.Parse(regularisers), recordTrajectory: true, backend: ToyBackend.Tensor).Trajectory!;
        using var session = new TrainingSession(config, gameDefinition: ToyTraining.Definition(toy));
        var (phi, theta) = (session.Discriminator.Parameters().Single(), session.Generator.Parameters().Single());
        for (var n = 0; n <= Steps; n++)
        {
            if (n > 0) session.Scheme.Step().Dispose();
            Approx.Equal(expected[n][0], [.. phi.ToArray<double>(), .. theta.ToArray<double>()], 1e-12, $"general-sum {scheme} {regularisers} step {n}");
        }
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
        var config = Config(scheme, regularisers, "game=toy-rotational", "start=0.5,-0.4");
        var expected = BatchedToyRunner.Run(toy, new SchemeInfo(SchemeFactory.Parse(scheme)), ToyBatch.Single(config.LrD, config.LrG, [0.5, -0.4]),
            Steps, ToyRegularisation.Parse(regularisers), recordTrajectory: true, backend: ToyBackend.Tensor).Trajectory!;
        using var session = new TrainingSession(config, gameDefinition: ToyTraining.Definition(toy));
        var (phi, theta) = (session.Discriminator.Parameters().Single(), session.Generator.Parameters().Single());
        for (var n = 0; n <= Steps; n++)
        {
            if (n > 0) session.Scheme.Step().Dispose();
            Approx.Equal(expected[n][0], [phi.ToDouble(), theta.ToDouble()], 1e-12, $"rotational {scheme} {regularisers} step {n}");
        }
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
        var toy = ToyIterates(config);
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
