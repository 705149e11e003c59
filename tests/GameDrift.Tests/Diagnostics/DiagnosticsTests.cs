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
        var scheme = new Simultaneous(game, Chain.Of(OptimizerAdapter.Sgd(game.Phi, 0.1)), Chain.Of(OptimizerAdapter.Sgd(game.Theta, 0.3)),
            BatchSource.None);
        scheme.EvaluationObservers.Add(DiagnosticsMeasurement.Always());
        var d = scheme.Step();
        Assert.Equal(L1(P, T), d.D.Loss, 13);
        Assert.Equal(L2(P, T), d.G.Loss, 13);
        Assert.Equal(Norm(GradPhiL1(P, T)), d.D.OwnGradNorm, 13);
        Assert.Equal(Norm(GradPhiL2(P, T)), d.D.OtherGradNorm, 13);
        Assert.Equal(Norm(GradThetaL2(P, T)), d.G.OwnGradNorm, 13);
        Assert.Equal(Norm(GradThetaL1(P, T)), d.G.OtherGradNorm, 13);
        Assert.Equal(Norm(MatVec(HessPhiL1(P, T), GradPhiL1(P, T))), d.D.SelfDriftNorm, 12);
        Assert.Equal(Norm(MatVec(HessThetaL2(P, T), GradThetaL2(P, T))), d.G.SelfDriftNorm, 12);
        Assert.True(d.D.InteractionDriftNorm > 0);
        var columns = d.ToColumns();
        Assert.Equal(StepDiagnostics.ColumnNames, columns.Keys);
        Assert.Equal(d.G.OtherGradNorm, columns["grad_g_loss_d"]);
    }

    [Fact]
    public void DriftNormsAreOnlyMeasuredOnRequest()
    {
        var game = AtZ0();
        var d = new Simultaneous(game, Chain.Of(OptimizerAdapter.Sgd(game.Phi, 0.1)), Chain.Of(OptimizerAdapter.Sgd(game.Theta, 0.3)),
            BatchSource.None).Step();
        Assert.True(double.IsNaN(d.D.SelfDriftNorm));
        Assert.False(double.IsNaN(d.D.OwnGradNorm));
    }

    [Fact]
    public void TheMeasurementObserverChoosesWhatEachStepMeasures()
    {
        var game = AtZ0();
        var scheme = new Simultaneous(game, Chain.Of(OptimizerAdapter.Sgd(game.Phi, 0.1)), Chain.Of(OptimizerAdapter.Sgd(game.Theta, 0.3)),
            BatchSource.None);
        var measurement = new DiagnosticsMeasurement(step => (step == 2, step == 3));
        scheme.EvaluationObservers.Add(measurement);
        // Step 1 measures nothing: each loss is differentiated for its own player only, so no cross gradient exists.
        using var first = scheme.Step();
        Assert.True(double.IsNaN(first.D.OtherGradNorm) && double.IsNaN(first.G.OtherGradNorm));
        Assert.Equal(Norm(GradPhiL1(P, T)), first.D.OwnGradNorm, 13);
        using var second = scheme.Step();
        Assert.True(double.IsFinite(second.D.OtherGradNorm) && double.IsFinite(second.G.OtherGradNorm));
        Assert.True(double.IsNaN(second.D.SelfDriftNorm) && double.IsNaN(second.G.InteractionDriftNorm));
        using var third = scheme.Step();
        Assert.True(double.IsFinite(third.D.SelfDriftNorm) && double.IsFinite(third.G.InteractionDriftNorm));
        Assert.Equal(3, measurement.Step);
    }
}
