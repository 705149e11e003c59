using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.Transforms;

using Approx = GameDrift.Tests.TestGames.Approx;
using GameDrift.ToyRuns;

namespace GameDrift.Tests.Regularisers;

/// <summary>A regulariser spec means the same on the toy path (batched float64, `toy`/`toy-sweep`) as on the training
/// path (schemes + optimisers, `train`/`mog`/`sweep`): the same iterates, step after step, on the Dirac-GAN and the
/// general-sum game, with lr_d != lr_g so that the paper and single-clock coefficients differ. Both paths run the same
/// <see cref="UpdateRule"/>, the same regulariser parts and the same <see cref="GameEvaluation"/>; the training path's
/// Dirac-GAN is the GAN of data batches (<see cref="DiracGan.AsGan"/>, split-batch estimators), the toy path's the toy's
/// losses with a learning rate per row, so agreement checks the games and the rates. The fields' Jacobian-vector
/// products (the analysis' drift terms) are checked against the losses' terms below.</summary>
public class OneMeaningTests
{
    private const double LrD = 0.1, LrG = 0.3;
    private const int Steps = 25;

    public static TheoryData<string, string, string> Cases()
    {
        var d = new TheoryData<string, string, string>();
        foreach (var scheme in new[] { "simultaneous", "alternating" })
        {
            foreach (var spec in new[] { "cancel-interaction", "cancel-interaction:paper", "cancel-interaction:single-clock",
                         "cancel-all:single-clock", "strengthen-self:theta", "co=0.3", "sga=0.4" })
            {
                d.Add("dirac", scheme, spec);
                d.Add("general-sum", scheme, spec);
            }
            d.Add("dirac", scheme, "cancel-interaction,r1=0.3");
        }
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToyAndTrainingPathsGiveTheSameIterates(string gameName, string schemeName, string spec)
    {
        var toy = ToyIterates(gameName, schemeName, spec);
        var train = TrainingIterates(gameName, schemeName, spec);
        for (var n = 0; n <= Steps; n++) Approx.Equal(toy[n], train[n], 1e-12, $"{gameName} {schemeName} {spec} step {n}");
    }

    [Theory]
    [InlineData("dirac", "simultaneous")]
    [InlineData("general-sum", "alternating")]
    public void TheDefaultIsThePaperFormAndSingleClockDiffers(string gameName, string schemeName)
    {
        var dflt = ToyIterates(gameName, schemeName, "cancel-interaction")[Steps];
        Assert.Equal(ToyIterates(gameName, schemeName, "cancel-interaction:paper")[Steps], dflt);
        var single = ToyIterates(gameName, schemeName, "cancel-interaction:single-clock")[Steps];
        Assert.True(dflt.Zip(single, (a, b) => Math.Abs(a - b)).Max() > 1e-6, "paper and single-clock coincide at lr_d != lr_g");
    }

    /// <summary>A batch of configurations (rates and starts per row) through the toy path gives each row the iterates of its
    /// own training run, with several steps per player and either player first.</summary>
    [Theory]
    [InlineData("dirac", "cancel-interaction:single-clock", 2, 1, true)]
    [InlineData("general-sum", "cancel-interaction", 1, 3, false)]
    [InlineData("general-sum", "co=0.3", 2, 2, true)]
    [InlineData("dirac", "sga=0.4:general,strengthen-self", 1, 2, false)]
    public void BatchedAlternatingRowsAreTheirTrainingRuns(string gameName, string spec, int kD, int kG, bool discFirst)
    {
        double[] lrD = { 0.1, 0.05, 0.2 }, lrG = { 0.3, 0.05, 0.1 };
        var z0 = Start(gameName);
        var starts = new[] { z0, z0.Select(x => -0.5 * x).ToArray(), z0.Select(x => x + 0.3).ToArray() };
        var update = new SchemeInfo(SchemeKind.Alternating, First: discFirst ? PlayerRole.Phi : PlayerRole.Theta, PhiSteps: kD, ThetaSteps: kG);
        var run = BatchedToyRunner.Run(ToyGames.Create(gameName), update, new ToyBatch(lrD, lrG, starts), Steps,
            ToyRegularisation.Parse(spec), recordTrajectory: true, backend: ToyBackend.Tensor);
        for (var b = 0; b < 3; b++)
        {
            var train = TrainingIterates(gameName, spec, lrD[b], lrG[b], starts[b], (game, d, g, batches, regs) =>
                new Alternating(game, Chain.Of(regs, d), Chain.Of(regs, g), batches, discFirst ? PlayerRole.Phi : PlayerRole.Theta, kD, kG));
            for (var n = 0; n <= Steps; n++) Approx.Equal(run.Trajectory![n][b], train[n], 1e-12, $"{gameName} {spec} row {b} step {n}");
        }
    }

    /// <summary>One game contract: a toy game's parameters may carry a leading batch dimension of configurations, and one
    /// training scheme (optimisers, regularisers) on [B, d] parameters moves every row as the toy path's batch does.</summary>
    [Theory]
    [InlineData("dirac", "simultaneous", "cancel-interaction:single-clock")]
    [InlineData("dirac", "alternating", "co=0.3")]
    [InlineData("general-sum", "simultaneous", "sga=0.4")]
    [InlineData("general-sum", "alternating", "cancel-interaction,strengthen-self:theta")]
    [InlineData("dirac", "alternating", "cancel-interaction,r1=0.3")]
    [InlineData("dirac", "simultaneous", "r2=0.5,co=0.2")]
    public void BatchedParametersTrainAsTheToyBatch(string gameName, string schemeName, string spec)
    {
        var toy = (IDifferentiableToyGame)ToyGames.Create(gameName);
        var z0 = Start(gameName);
        var starts = new[] { z0, z0.Select(x => -0.5 * x).ToArray(), z0.Select(x => x + 0.3).ToArray() };
        var run = BatchedToyRunner.Run(toy, new SchemeInfo(SchemeFactory.Parse(schemeName)), new ToyBatch([LrD, LrD, LrD], [LrG, LrG, LrG], starts),
            Steps, ToyRegularisation.Parse(spec), recordTrajectory: true, backend: ToyBackend.Tensor);

        using var scope = torch.NewDisposeScope();
        var phi = torch.Tensor(starts.SelectMany(z => z[..toy.PhiDim]).ToArray(), new long[] { 3, toy.PhiDim }).RequiresGrad_();
        var theta = torch.Tensor(starts.SelectMany(z => z[toy.PhiDim..]).ToArray(), new long[] { 3, toy.ThetaDim }).RequiresGrad_();
        var regs = RegulariserRegistry.Parse(spec);
        var (d, g) = (Chain.Of(regs, OptimizerAdapter.Sgd([phi], LrD)), Chain.Of(regs, OptimizerAdapter.Sgd([theta], LrG)));
        UpdateScheme scheme = schemeName == "simultaneous" ? new Simultaneous(toy, d, g, BatchSource.None) : new Alternating(toy, d, g, BatchSource.None);
        for (var n = 0; n <= Steps; n++)
        {
            if (n > 0) scheme.Step().Dispose();
            double[] p = phi.ToArray<double>(), t = theta.ToArray<double>();
            for (var b = 0; b < 3; b++)
            {
                var row = p[(b * toy.PhiDim)..((b + 1) * toy.PhiDim)].Concat(t[(b * toy.ThetaDim)..((b + 1) * toy.ThetaDim)]).ToArray();
                Approx.Equal(run.Trajectory![n][b], row, 1e-12, $"{gameName} {schemeName} {spec} row {b} step {n}");
            }
        }
    }

    /// <summary>The §5.1 terms of a differentiable toy from its losses (double backprop, what the regularisers use) equal
    /// those from its fields (Jacobian-vector products, <see cref="FieldTerms"/>, what the analysis and field-only games
    /// use), row by row on a batch of configurations.</summary>
    [Theory]
    [InlineData("dirac")]
    [InlineData("dirac-ns")]
    [InlineData("general-sum")]
    [InlineData("bilinear")]
    public void LossTermsEqualFieldTerms(string gameName)
    {
        var toy = (IDifferentiableToyGame)ToyGames.Create(gameName);
        var z0 = Start(gameName);
        var starts = new[] { z0, z0.Select(x => -0.5 * x).ToArray(), z0.Select(x => x + 0.3).ToArray() };
        using var scope = torch.NewDisposeScope();
        var phi = torch.Tensor(starts.SelectMany(z => z[..toy.PhiDim]).ToArray(), new long[] { 3, toy.PhiDim }).RequiresGrad_();
        var theta = torch.Tensor(starts.SelectMany(z => z[toy.PhiDim..]).ToArray(), new long[] { 3, toy.ThetaDim }).RequiresGrad_();
        var ev = new GameEvaluation(toy, [phi], [theta], GameBatch.Empty, createGraph: true);
        var (f, g) = toy.Field(phi, theta);
        foreach (var player in new[] { PlayerRole.Phi, PlayerRole.Theta })
            foreach (var term in new[] { GradientTerm.SelfNorm, GradientTerm.OtherDotProduct, GradientTerm.OtherNorm })
            {
                var fromLosses = ev.Term(term, player, TermEstimator.SameBatch)[0].ToArray<double>();
                var fromFields = FieldTerms.Term(term, player, [f], [g], [phi], [theta], createGraph: false)[0].ToArray<double>();
                Approx.Equal(fromFields, fromLosses, 1e-12, $"{gameName} {term} {player}");
            }
    }

    /// <summary>A toy given by its losses only (its fields by autograd, <see cref="LossFields"/>) runs as the built-in game
    /// with its written-out field: iterates, Lyapunov exponents (tangents through alternating updates, where theta is
    /// upstream of phi's new value) and the modified flows.</summary>
    [Theory]
    [InlineData("general-sum", "alternating", "cancel-interaction")]
    [InlineData("bilinear", "alternating", "")]
    [InlineData("dirac", "simultaneous", "co=0.2")]
    public void AToyGivenByItsLossesOnlyRunsAsTheWrittenOutGame(string gameName, string schemeName, string spec)
    {
        var game = (IDifferentiableToyGame)ToyGames.Create(gameName);
        var lossesOnly = new LossesOnly(game);
        var z0 = Start(gameName);
        var batch = new ToyBatch([LrD, 0.05], [LrG, 0.2], [z0, z0.Select(x => -0.5 * x).ToArray()]);
        var update = new SchemeInfo(SchemeFactory.Parse(schemeName));
        var a = BatchedToyRunner.Run(game, update, batch, Steps, ToyRegularisation.Parse(spec), backend: ToyBackend.Tensor);
        var b = BatchedToyRunner.Run(lossesOnly, update, batch, Steps, ToyRegularisation.Parse(spec), backend: ToyBackend.Tensor);
        for (var i = 0; i < 2; i++)
        {
            Approx.Equal(a.Final[i], b.Final[i], 1e-12, $"{gameName} row {i}");
            Assert.Equal(a.Lyapunov[i], b.Lyapunov[i], 12);
        }
        var flowA = ToyRun.Run(game, update.Kind, LrD, LrG, 5, z0).Flows["modified-paper"];
        var flowB = ToyRun.Run(lossesOnly, update.Kind, LrD, LrG, 5, z0).Flows["modified-paper"];
        for (var n = 0; n <= 5; n++) Approx.Equal(flowA[n], flowB[n], 1e-12, $"{gameName} modified flow step {n}");
    }

    private sealed class LossesOnly(IDifferentiableToyGame inner) : IDifferentiableToyGame
    {
        public string Name => inner.Name;
        public int PhiDim => inner.PhiDim;
        public int ThetaDim => inner.ThetaDim;
        public double[]? Equilibrium => inner.Equilibrium;
        public double[] DefaultStart => inner.DefaultStart;
        public (Tensor L1, Tensor L2) Losses(Tensor phi, Tensor theta) => inner.Losses(phi, theta);
    }

    [Fact]
    public void ABatchOfTheWrongShapeIsRefusedByName()
    {
        var toy = (IDifferentiableToyGame)ToyGames.Create("general-sum");
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => new GameEvaluation(toy, [torch.Zeros(new long[] { 3, toy.PhiDim }, torch.float64).RequiresGrad_()],
            [torch.Zeros(new long[] { 2, toy.ThetaDim }, torch.float64).RequiresGrad_()], GameBatch.Empty, createGraph: false).OwnGradient(PlayerRole.Phi));
        Assert.Contains("[B, ", e.Message);
        Assert.Contains("general-sum", e.Message);
    }

    /// <summary>The RK4 training scheme and the flows' RK4 integrator are one rule: RK4 with unit step on the single-clock
    /// field (lr_d f, lr_g g) gives the same iterates.</summary>
    [Theory]
    [InlineData("dirac")]
    [InlineData("general-sum")]
    public void Rk4SchemeIsTheFlowIntegrator(string gameName)
    {
        var game = ToyGames.Create(gameName);
        var train = TrainingIterates(gameName, "none", LrD, LrG, Start(gameName), (g, d, t, batches, regs) => new RungeKutta4(g, Chain.Of(regs, d), Chain.Of(regs, t), batches));
        using var scope = torch.NewDisposeScope();
        var field = Flows.Field(game, SchemeKind.Simultaneous, FlowKind.Original, torch.Scalar(LrD, torch.float64), torch.Scalar(LrG, torch.float64));
        var z = torch.Tensor(Start(gameName), new long[] { 1, game.PhiDim + game.ThetaDim });
        for (var n = 1; n <= Steps; n++)
        {
            z = Flows.Integrate(game, field, z, torch.Ones(new long[] { 1, 1 }, torch.float64), 1);
            Approx.Equal(z.ToArray<double>(), train[n], 1e-12, $"{gameName} RK4 step {n}");
        }
    }

    private static double[] Start(string gameName) => gameName == "general-sum" ? GeneralSumGame.Start : new[] { 0.8, -0.6 };

    private static double[][] ToyIterates(string gameName, string schemeName, string spec)
    {
        var game = ToyGames.Create(gameName);
        var run = BatchedToyRunner.Run(game, new SchemeInfo(SchemeFactory.Parse(schemeName)), ToyBatch.Single(LrD, LrG, Start(gameName)),
            Steps, ToyRegularisation.Parse(spec), recordTrajectory: true, backend: ToyBackend.Tensor);
        return Enumerable.Range(0, Steps + 1).Select(n => run.Trajectory![n][0]).ToArray();
    }

    private delegate UpdateScheme TrainingSchemeFactory(ITwoPlayerGame game, IPlayerOptimizer d, IPlayerOptimizer g, IBatchSource batches,
        IReadOnlyList<IRegulariser> regularisers);

    private static double[][] TrainingIterates(string gameName, string schemeName, string spec) =>
        TrainingIterates(gameName, spec, LrD, LrG, Start(gameName), (game, d, g, batches, regs) => schemeName == "simultaneous"
            ? new Simultaneous(game, Chain.Of(regs, d), Chain.Of(regs, g), batches) : new Alternating(game, Chain.Of(regs, d), Chain.Of(regs, g), batches));

    private static double[][] TrainingIterates(string gameName, string spec, double lrD, double lrG, double[] z0, TrainingSchemeFactory makeScheme)
    {
        using var scope = torch.NewDisposeScope();
        ITwoPlayerGame game;
        IBatchSource batches;
        Tensor phi, theta;
        if (gameName == "dirac")
        {
            (var gan, phi, theta) = TestGames.DiracGan.Create(z0[0], z0[1]);
            (game, batches) = (gan, TestGames.DiracGan.Batches(2));
        }
        else
        {
            var toy = (IDifferentiableToyGame)ToyGames.Create(gameName);
            phi = torch.Tensor(z0[..toy.PhiDim]).RequiresGrad_();
            theta = torch.Tensor(z0[toy.PhiDim..]).RequiresGrad_();
            (game, batches) = (toy, BatchSource.None);
        }
        var scheme = makeScheme(game, OptimizerAdapter.Sgd([phi], lrD), OptimizerAdapter.Sgd([theta], lrG),
            batches, RegulariserRegistry.Parse(spec));
        double[] Z() => phi.ToArray<double>().Concat(theta.ToArray<double>()).ToArray();
        var iterates = new List<double[]> { Z() };
        for (var n = 0; n < Steps; n++)
        {
            scheme.Step();
            iterates.Add(Z());
        }
        return iterates.ToArray();
    }
}
