using GameDrift.Reports;
using GameDrift.Training;

namespace GameDrift.Tests.Reports;

public class SingleRatioReportTests
{
    /// <summary>A sweep whose cells all share one lr ratio (the main job's scheme x regulariser comparison) gets a
    /// per-cell results table, not a plot of points stacked at one x.</summary>
    [Fact]
    public void OneRatioGivesAPerCellTableWithEachCellsBestValue()
    {
        using var tmp = new TempDirectory();
        var schemes = new[] { "simultaneous", "alternating" };
        var best = new Dictionary<string, double> { ["simultaneous"] = 61.25, ["alternating"] = 47.5 };
        var lines = new List<string> { $"cell,scheme,status,step,diverged_step,final_{FakeRuns.Fid},best_{FakeRuns.Fid},final_loss_d,final_loss_g" };
        foreach (var scheme in schemes)
        {
            var config = new RunConfig { Scheme = scheme, LrD = 0.01, LrG = 0.005, Steps = FakeRuns.Steps, LogEvery = 10, SampleEvery = 20, GridSize = FakeRuns.GridCount };
            FakeRuns.WriteRun(tmp.Combine($"cells/{scheme}"), config, FakeRuns.Steps,
                s => s % FakeRuns.EvalEvery == 0 ? best[scheme] + 100.0 / s - 100.0 / FakeRuns.Steps : null, _ => 0.7, 0.3f);
            lines.Add($"cells/{scheme},{scheme},finished,{FakeRuns.Steps},,{best[scheme]},{best[scheme]},0.7,0.69");
        }
        File.WriteAllLines(tmp.Combine("sweep.csv"), lines);

        var html = File.ReadAllText(Report.Write(tmp.Path));
        HtmlChecks.AssertBalanced(html);
        Assert.Contains("<h2>Results</h2>", html);
        Assert.DoesNotContain("against lr_d / lr_g", html);
        foreach (var scheme in schemes)
            Assert.Matches($"<tr><td>[^<]*{scheme}[^<]*</td><td>finished</td><td>{best[scheme].ToString(System.Globalization.CultureInfo.InvariantCulture)}</td>", html);
    }
}
