using GameDrift.Io.Png;
using GameDrift.Reports;
using GameDrift.Training;

namespace GameDrift.Tests.Reports;

public class RunReportTests
{
    private static RunConfig Config() => new() { Steps = 100, LogEvery = 10, SampleEvery = 20, GridSize = FakeRuns.GridCount, LrD = 0.03, LrG = 0.01 };

    [Fact]
    public void ARunReportShowsStatusCurvesGridsMetricsAndConfig()
    {
        using var tmp = new TempDirectory();
        FakeRuns.WriteRun(tmp.Path, Config(), 100, s => s % 50 == 0 ? 100.0 / s : null, s => 1.0 / s, 0);
        var path = Report.Write(tmp.Path, tmp.Combine("out", "r.html"));
        Assert.Equal(tmp.Combine("out", "r.html"), path);
        var html = File.ReadAllText(path);
        HtmlChecks.AssertBalanced(html);

        Assert.Contains("<span class=\"state-finished\">finished</span> at step 100", html);
        Assert.Contains("lr_d: 0.03", html);
        // All 10 rows are shown; the FID column is blank except at steps 50 and 100.
        var run = RunRecord.Load(tmp.Path);
        for (int s = 10; s <= 100; s += 10)
            Assert.Contains($"<tr><td>{s}</td><td>{Format.Number(1.0 / s)}</td>", html);
        Assert.EndsWith("<td>1</td></tr>", html.Split("<tr><td>100</td>")[1].Split('\n')[0]);
        Assert.Contains($"<tr><td>{FakeRuns.Fid}</td><td>1</td><td>1</td><td>2</td><td>1</td></tr>", html); // final, min, max, best

        var images = HtmlChecks.Read(html);
        Assert.Equal(HtmlChecks.CountTags(html), images.Count);
        var curves = Assert.Single(images, i => i.Alt == "training curves");
        Assert.Equal((3 * 440, 4 * 300), (curves.Width, curves.Height)); // 11 columns in 3 per row
        var grids = images.Where(i => i.Alt.StartsWith("samples at step ")).ToList();
        Assert.Equal(["samples at step 100", "samples at step 80", "samples at step 40", "samples at step 20"], grids.Select(g => g.Alt));
        foreach (var g in grids)
            Assert.True(PngImage.Load(tmp.Combine("samples", $"step_{int.Parse(g.Alt[16..]):D6}.png")).SamePixels(g.Image));
        Assert.Equal(5, run.Samples.Count);
    }

    [Fact]
    public void ADivergedRunSaysSoAndLongTablesAreThinned()
    {
        using var tmp = new TempDirectory();
        var config = Config();
        config.Steps = 1000;
        FakeRuns.WriteRun(tmp.Path, config, 455, null, s => s, 0);
        var html = RunReport.Build(RunRecord.Load(tmp.Path), new ReportOptions { MaxTableRows = 5 }).ToString();
        Assert.Contains("<span class=\"state-diverged\">diverged</span> at step 455 · diverged at step 455", html);
        Assert.Contains("metrics.csv: 5 of 45 rows", html);
        foreach (var s in new[] { 10, 120, 230, 340, 450 })
            Assert.Contains($"<tr><td>{s}</td><td>{s}</td>", html);
        Assert.DoesNotContain("<tr><td>20</td>", html);
    }

    [Fact]
    public void PickKeepsTheEndsAndSpacesTheRest()
    {
        Assert.Equal([0, 3, 6, 9], RunReport.Pick(Enumerable.Range(0, 10).ToList(), 4));
        Assert.Equal([0, 1], RunReport.Pick([0, 1], 4));
        Assert.Equal([9], RunReport.Pick(Enumerable.Range(0, 10).ToList(), 1));
    }
}
