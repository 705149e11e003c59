using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Schemes;
using GameDrift.Tests.TestGames;
using GameDrift.Transforms;
using static GameDrift.Tests.TestGames.T3Game;

namespace GameDrift.Tests.Diagnostics;

public class DiagnosticsTests
{
    private static readonly double[] P = { Z0[0], Z0[1] }, T = { Z0[2], Z0[3] };
    private static double Norm(double[] v) => Math.Sqrt(Dot(v, v));

    [Fact]
    public void SimultaneousStepReportsTheOldPointsNumbers()
    {
        var game = AtZ0();
        var d = new Simultaneous(game, Chain.Of(OptimizerAdapter.Sgd(game.Phi.Parameters, 0.1)), Chain.Of(OptimizerAdapter.Sgd(game.Theta.Parameters, 0.3)),
            BatchSource.None) { MeasureDrift = true }.Step();
        Assert.Equal(L1(P, T), d.Phi.Loss, 13);
        Assert.Equal(L2(P, T), d.Theta.Loss, 13);
        Assert.Equal(Norm(GradPhiL1(P, T)), d.Phi.OwnGradNorm, 13);
        Assert.Equal(Norm(GradPhiL2(P, T)), d.Phi.OtherGradNorm, 13);
        Assert.Equal(Norm(GradThetaL2(P, T)), d.Theta.OwnGradNorm, 13);
        Assert.Equal(Norm(GradThetaL1(P, T)), d.Theta.OtherGradNorm, 13);
        Assert.Equal(Norm(MatVec(HessPhiL1(P, T), GradPhiL1(P, T))), d.Phi.SelfDriftNorm, 12);
        Assert.Equal(Norm(MatVec(HessThetaL2(P, T), GradThetaL2(P, T))), d.Theta.SelfDriftNorm, 12);
        Assert.True(d.Phi.InteractionDriftNorm > 0);
        var columns = d.ToColumns();
        Assert.Equal(StepDiagnostics.ColumnNames, columns.Keys);
        Assert.Equal(d.Theta.OtherGradNorm, columns["grad_g_loss_d"]);
    }

    [Fact]
    public void DriftNormsAreOnlyMeasuredOnRequest()
    {
        var game = AtZ0();
        var d = new Simultaneous(game, Chain.Of(OptimizerAdapter.Sgd(game.Phi.Parameters, 0.1)), Chain.Of(OptimizerAdapter.Sgd(game.Theta.Parameters, 0.3)),
            BatchSource.None).Step();
        Assert.True(double.IsNaN(d.Phi.SelfDriftNorm));
        Assert.False(double.IsNaN(d.Phi.OwnGradNorm));
    }
}
