using GameDrift.Torch;
using GameDrift.Training;

namespace GameDrift.Tests.Training;

/// <summary>Unlogged steps skip the cross-gradient backward passes; what a step computes must still not depend on
/// <c>steps</c>, or a run extended with --resume would leave the uninterrupted trajectory.</summary>
[Collection(GlobalRngCollection.Name)]
public class ResumeScheduleTests
{
    [Fact]
    public void RunExtendedPastAnUnloggedLastStepMatchesTheLongRunBitForBit()
    {
        using var straight = new TempDirectory();
        using var split = new TempDirectory();
        string[] o = ["momentum=0.5", "steps=7", "log_every=4", "diagnostics_every=3", "checkpoint_every=0"];
        new Trainer(TinyGan.Config(o), straight.Path).Run();
        new Trainer(TinyGan.Config([.. o, "steps=5"]), split.Path).Run(); // step 5: last, logged, but not a log_every step
        new Trainer(TinyGan.Config(o), split.Path).Run(resume: true);
        using var a = Checkpoint.Load(Path.Combine(straight.Path, "checkpoints", "latest.pt"));
        using var b = Checkpoint.Load(Path.Combine(split.Path, "checkpoints", "latest.pt"));
        foreach (var n in a.Tensors.Keys.Where(k => k.StartsWith(Checkpoint.GeneratorPrefix) || k.StartsWith(Checkpoint.DiscriminatorPrefix)))
            Assert.True(a.Tensors[n].To(ScalarType.Float64).ToArray<double>().SequenceEqual(b.Tensors[n].To(ScalarType.Float64).ToArray<double>()), n);

        // Rows: log_every and diagnostics_every steps, and each run's last step; drift norms on diagnostics steps only.
        var (header, rows) = MetricsLog.Read(Path.Combine(straight.Path, "metrics.csv"));
        Assert.Equal(new double?[] { 3, 4, 6, 7 }, rows.Select(r => r[0]));
        var drift = Array.IndexOf(header, "self_drift_d");
        Assert.Equal(new[] { true, false, true, false }, rows.Select(r => r[drift] is { } v && double.IsFinite(v)));
    }
}
