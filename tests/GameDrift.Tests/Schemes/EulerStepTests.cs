using GameDrift.Games;
using GameDrift.Schemes;
using GameDrift.Tests.TestGames;
using GameDrift.Transforms;
using static GameDrift.Tests.TestGames.T3Game;

namespace GameDrift.Tests.Schemes;

/// <summary>One step of plain SGD under each scheme equals the Euler (or RK4) update computed by hand (spec §3.1, §5.4).</summary>
public class EulerStepTests
{
    private const double EtaPhi = 0.1, EtaTheta = 0.3;
    private static readonly double[] P0 = { Z0[0], Z0[1] }, T0 = { Z0[2], Z0[3] };

    private static (T3Game Game, OptimizerAdapter Phi, OptimizerAdapter Theta) Setup()
    {
        var game = AtZ0();
        return (game, OptimizerAdapter.Sgd(game.Phi, EtaPhi), OptimizerAdapter.Sgd(game.Theta, EtaTheta));
    }

    [Fact]
    public void SimultaneousIsEulerAtTheOldPoint()
    {
        var (game, o1, o2) = Setup();
        new Simultaneous(game, Chain.Of(o1), Chain.Of(o2), BatchSource.None).Step();
        Approx.Equal(Add(P0, Scale(-EtaPhi, GradPhiL1(P0, T0))), game.PhiValue, 1e-14, "phi");
        Approx.Equal(Add(T0, Scale(-EtaTheta, GradThetaL2(P0, T0))), game.ThetaValue, 1e-14, "theta");
    }

    [Fact]
    public void AlternatingDiscriminatorFirstTakesTheGeneratorGradientAtTheNewPhi()
    {
        var (game, o1, o2) = Setup();
        new Alternating(game, Chain.Of(o1), Chain.Of(o2), BatchSource.None).Step();
        var p1 = Add(P0, Scale(-EtaPhi, GradPhiL1(P0, T0)));
        Approx.Equal(p1, game.PhiValue, 1e-14, "phi");
        Approx.Equal(Add(T0, Scale(-EtaTheta, GradThetaL2(p1, T0))), game.ThetaValue, 1e-14, "theta");
        Assert.NotEqual(Add(T0, Scale(-EtaTheta, GradThetaL2(P0, T0)))[0], game.ThetaValue[0], 10);
    }

    [Fact]
    public void AlternatingGeneratorFirstWithSeveralStepsEach()
    {
        var (game, o1, o2) = Setup();
        new Alternating(game, Chain.Of(o1), Chain.Of(o2), BatchSource.None, first: PlayerRole.Theta, phiSteps: 2, thetaSteps: 3).Step();
        double[] p = P0, t = T0;
        for (var k = 0; k < 3; k++) t = Add(t, Scale(-EtaTheta, GradThetaL2(p, t)));
        for (var k = 0; k < 2; k++) p = Add(p, Scale(-EtaPhi, GradPhiL1(p, t)));
        Approx.Equal(p, game.PhiValue, 1e-14, "phi");
        Approx.Equal(t, game.ThetaValue, 1e-14, "theta");
    }

    [Fact]
    public void RungeKutta4IsClassicalRk4WithEachPlayersRate()
    {
        var (game, o1, o2) = Setup();
        new RungeKutta4(game, Chain.Of(o1), Chain.Of(o2), BatchSource.None).Step();
        // Single-clock field z' = -(eta_phi grad_phi L1, eta_theta grad_theta L2), unit step.
        double[] F(double[] z)
        {
            double[] p = { z[0], z[1] }, t = { z[2], z[3] };
            return Scale(-EtaPhi, GradPhiL1(p, t)).Concat(Scale(-EtaTheta, GradThetaL2(p, t))).ToArray();
        }
        var z0 = Z0;
        var k1 = F(z0);
        var k2 = F(Add(z0, Scale(0.5, k1)));
        var k3 = F(Add(z0, Scale(0.5, k2)));
        var k4 = F(Add(z0, k3));
        var z1 = Add(z0, Scale(1.0 / 6, Add(Add(k1, Scale(2, k2)), Add(Scale(2, k3), k4))));
        Approx.Equal(z1, game.PhiValue.Concat(game.ThetaValue).ToArray(), 1e-14, "z");
    }

    [Fact]
    public void LearningRateChangesTakeEffectNextStep()
    {
        var (game, o1, o2) = Setup();
        var scheme = new Simultaneous(game, Chain.Of(o1), Chain.Of(o2), BatchSource.None);
        o1.LearningRate = 0.2;
        Assert.Equal(0.2, scheme.Info.LrPhi);
        scheme.Step();
        Approx.Equal(Add(P0, Scale(-0.2, GradPhiL1(P0, T0))), game.PhiValue, 1e-14, "phi");
    }

    [Fact]
    public void BadLearningRateIsAClearError()
    {
        var game = AtZ0();
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerAdapter.Sgd(game.Phi, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Alternating(game, Chain.Of(OptimizerAdapter.Sgd(game.Phi, 0.1)),
            Chain.Of(OptimizerAdapter.Sgd(game.Theta, 0.1)), BatchSource.None, phiSteps: 0));
    }
}
