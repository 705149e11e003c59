using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;
using Approx = GameDrift.Tests.TestGames.Approx;

namespace GameDrift.Tests.Regularisers;

/// <summary>A regulariser spec means the same on the toy path (batched float64, `toy`/`toy-sweep`) as on the training
/// path (schemes + optimisers, `train`/`mog`/`sweep`): the same iterates, step after step, on the Dirac-GAN and the
/// general-sum game, with lr_d != lr_g so that the paper and single-clock coefficients differ.</summary>
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

    private static double[] Start(string gameName) => gameName == "general-sum" ? GeneralSumGame.Start : new[] { 0.8, -0.6 };

    private static double[][] ToyIterates(string gameName, string schemeName, string spec)
    {
        var game = ToyGames.Create(gameName);
        var run = BatchedToyRunner.Run(game, new EulerUpdate(EulerUpdate.ParseScheme(schemeName)), ToyBatch.Single(LrD, LrG, Start(gameName)),
            Steps, ToyRegularisation.Parse(spec), recordTrajectory: true, backend: ToyBackend.Tensor);
        return Enumerable.Range(0, Steps + 1).Select(n => run.Trajectory![n][0]).ToArray();
    }

    private static double[][] TrainingIterates(string gameName, string schemeName, string spec)
    {
        using var scope = torch.NewDisposeScope();
        var z0 = Start(gameName);
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
            (game, batches) = (toy.AsTwoPlayerGame(phi, theta), BatchSource.None);
        }
        var regs = RegulariserRegistry.Parse(spec);
        var (dOpt, gOpt) = (new SgdUpdate(game.Phi.Parameters, LrD), new SgdUpdate(game.Theta.Parameters, LrG));
        UpdateScheme scheme = schemeName == "simultaneous"
            ? new Simultaneous(game, dOpt, gOpt, batches, regs)
            : new Alternating(game, dOpt, gOpt, batches, regs);
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
