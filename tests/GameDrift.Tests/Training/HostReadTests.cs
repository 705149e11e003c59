using GameDrift.Diagnostics;
using GameDrift.Torch;
using GameDrift.Training;

namespace GameDrift.Tests.Training;

/// <summary>A step the run does not log copies nothing from the tensors to the host (on a GPU each copy waits for the
/// device); the diagnostics read on logged steps are the values the step computed, and a divergence is found at the
/// step it happened even when the run checks rarely.</summary>
[Collection(GlobalRngCollection.Name)]
public class HostReadTests
{
    [Theory]
    [InlineData("scheme=simultaneous")]
    [InlineData("scheme=alternating")]
    [InlineData("scheme=simultaneous", "regularisers=cancel-interaction")]
    [InlineData("optimizer=adam", "ema=0.9")]
    public void AnUnloggedStepReadsNothingBack(params string[] overrides)
    {
        var config = TinyGan.Config([.. overrides, "log_every=10"]);
        using var session = new TrainingSession(config);
        session.Scheme.EvaluationObservers.Add(StepSchedule.Measurement(config, 2)); // the next step is step 3
        var before = Tensor.HostReadsOnThisThread;
        using var d = session.Scheme.Step();
        session.UpdateEma();
        using (torch.NewDisposeScope())
        {
            // What the trainer's divergence watch keeps per step.
            _ = torch.Stack([d.D.LossOnDevice()!, d.G.LossOnDevice()!, session.ParameterSum()]);
        }
        Assert.Equal(before, Tensor.HostReadsOnThisThread);
        Assert.False(d.D.IsRead);
        // A logged step reads each player's values in one copy.
        Assert.True(double.IsFinite(d.D.Loss) && double.IsFinite(d.D.OwnGradNorm));
        Assert.Equal(before + 1, Tensor.HostReadsOnThisThread);
        _ = d.G.InteractionDriftNorm + d.G.Loss + d.D.OtherGradNorm;
        Assert.Equal(before + 2, Tensor.HostReadsOnThisThread);
    }

    [Fact]
    public void DeviceValuesReadAsTheClosedForm()
    {
        // Loss 2.5, own gradient (3, 4): norm 5; cross gradient ((1, 2), 2): norm 3; drift terms not measured.
        using var scope = torch.NewDisposeScope();
        var loss = torch.Scalar(2.5, ScalarType.Float32);
        var own = GameDrift.Games.GradientMath.SquaredNorm([torch.Tensor(3f, 4f)]);
        var other = GameDrift.Games.GradientMath.SquaredNorm([torch.Tensor(1f, 2f), torch.Tensor(2f)]);
        using var p = PlayerDiagnostics.OnDevice(loss, own, other, null, null);
        var before = Tensor.HostReadsOnThisThread;
        Assert.Equal(2.5, p.Loss);
        Assert.Equal(5, p.OwnGradNorm, 12);
        Assert.Equal(3, p.OtherGradNorm, 12);
        Assert.True(double.IsNaN(p.SelfDriftNorm) && double.IsNaN(p.InteractionDriftNorm));
        Assert.Equal(before + 1, Tensor.HostReadsOnThisThread);
    }

    [Fact]
    public void ADivergenceFoundLateIsReportedAtItsStep()
    {
        // Every step checked (log_every=1) against a check every 50 steps: same first bad step, same statuses,
        // and the rare-check run keeps only finite rows.
        using var each = new TempDirectory();
        using var rare = new TempDirectory();
        string[] o = ["steps=400", "lr_d=1e30", "lr_g=1e30", "sample_every=0", "checkpoint_every=0"];
        var a = new Trainer(TinyGan.Config([.. o, "log_every=1"]), each.Path).Run();
        var b = new Trainer(TinyGan.Config([.. o, "log_every=50"]), rare.Path).Run();
        Assert.True(a.Diverged && b.Diverged);
        Assert.InRange(a.Step, 1, 399);
        Assert.Equal(a.Step, b.Step);
        Assert.Equal(RunStatus.Load(each.Path)!.Message, RunStatus.Load(rare.Path)!.Message);
        var (_, rows) = MetricsLog.Read(Path.Combine(rare.Path, "metrics.csv"));
        Assert.All(rows, r => Assert.True(r[0] < a.Step));
    }
}
