using GameDrift.Games;
using GameDrift.Tests.TestGames;
using GameDrift.Torch;

namespace GameDrift.Tests.Games;

/// <summary>The contract's descent directions of a game given by its losses are its loss gradients at the point passed.</summary>
public class GameContractTests
{
    [Fact]
    public void ADifferentiableGamesGradientsAreItsLossGradientsAtThePointGiven()
    {
        using var scope = torch.NewDisposeScope();
        ITwoPlayerGame game = T3Game.AtZ0();
        double[] p = { -0.2, 0.7 }, t = { 0.1, -0.4 }; // not the game's own start
        var (gPhi, gTheta) = game.Gradients([torch.Tensor(p).RequiresGrad_()], [torch.Tensor(t).RequiresGrad_()], GameBatch.Empty);
        Approx.Equal(T3Game.GradPhiL1(p, t), gPhi[0].ToArray<double>(), 1e-14, "grad_phi L1");
        Approx.Equal(T3Game.GradThetaL2(p, t), gTheta[0].ToArray<double>(), 1e-14, "grad_theta L2");
    }
}
