using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Tests.TestGames;
using GameDrift.Torch;

namespace GameDrift.Tests.Regularisers;

/// <summary>The split-batch estimator (spec §5.3): the differentiated factor on the first half, the stop-gradient factor on the second.</summary>
public class SplitBatchTests
{
    [Fact]
    public void InteractionTermUsesTheTwoHalves()
    {
        var game = SmallGan.Create(new[] { 0.8, -0.4 }, new[] { 0.2, 1.3 }, GanLoss.NonSaturating);
        var batch = SmallGan.Batch();
        var ev = new GameEvaluation(game, game.DiscriminatorParameters, game.GeneratorParameters, batch, createGraph: true);
        var split = ev.Term(GradientTerm.OtherDotProduct, PlayerRole.Phi, TermEstimator.SplitBatch)[0].ToArray<double>();
        var same = ev.Term(GradientTerm.OtherDotProduct, PlayerRole.Phi, TermEstimator.SameBatch)[0].ToArray<double>();

        // By hand with autograd: grad_phi( grad_theta L1(A) · sg grad_theta L2(B) ).
        var (a, b) = batch.Split();
        var theta = game.GeneratorParameters;
        var gB = Autograd.Grad(game.Losses(game.DiscriminatorParameters, theta, b).L2, theta)[0]!;
        var gA = Autograd.Grad(game.Losses(game.DiscriminatorParameters, theta, a).L1, theta, createGraph: true)[0]!;
        var expected = Autograd.Grad((gA * gB).Sum(), game.DiscriminatorParameters)[0]!.ToArray<double>();

        Approx.Equal(expected, split, 1e-13, "split");
        Assert.NotEqual(same[0], split[0], 6);
    }

    [Fact]
    public void ABatchOfOneCannotBeSplit()
    {
        var game = SmallGan.Create(new[] { 0.8, -0.4 }, new[] { 0.2, 1.3 }, GanLoss.Saturating);
        var ev = new GameEvaluation(game, game.DiscriminatorParameters, game.GeneratorParameters, new GameBatch(torch.Zeros(new long[] { 1, 1 }, ScalarType.Float64), torch.Zeros(new long[] { 1, 1 }, ScalarType.Float64)), true);
        Assert.Throws<InvalidOperationException>(() => ev.Term(GradientTerm.SelfNorm, PlayerRole.Phi, TermEstimator.SplitBatch));
    }
}
