using System.Net;
using GameDrift.Io.Png;
using GameDrift.Reports;
using GameDrift.Training;
using GameDrift.Io.Csv;

namespace GameDrift.Tests.Reports;

public class SweepReportTests
{
    [Fact]
    public void BestFidAgainstRatioAveragesSeedsPerSchemeAndMarksTheDivergedCell()
    {
        using var tmp = new TempDirectory();
        FakeRuns.WriteSweep(tmp.Path);
        var sweep = SweepRecord.Load(tmp.Path);
        var measure = Assert.Single(Measure.For(sweep));
        Assert.Equal((FakeRuns.Fid, true, false), (measure.Column, measure.Best, measure.StandIn));

        var curves = RatioPlot.Curves(sweep, measure);
        Assert.Equal(["simultaneous / none", "alternating / none"], curves.Select(c => c.Group));
        foreach (var (scheme, curve) in FakeRuns.Schemes.Zip(curves))
        {
            Assert.Equal(FakeRuns.Ratios, curve.Points.Select(p => Math.Round(p.Ratio, 12)));
            foreach (var p in curve.Points)
            {
                var seeds = FakeRuns.Seeds.Where(s => !FakeRuns.Diverges(scheme, p.Ratio, s)).Select(s => FakeRuns.FinalFid(scheme, p.Ratio, s)).ToArray();
                Assert.Equal(seeds.Average(), p.Mean, 9);
                Assert.Equal(seeds.Min(), p.Min, 9);
                Assert.Equal(seeds.Max(), p.Max, 9);
                Assert.Equal(FakeRuns.Seeds.Length - seeds.Length, p.Diverged);
            }
        }
        Assert.Equal(1, curves.Sum(c => c.Points.Sum(p => p.Diverged)));
    }

    [Fact]
    public void TheReportHoldsEveryCsvRowThePlotsTheMontageAndEachCellsGridAndConfig()
    {
        using var tmp = new TempDirectory();
        FakeRuns.WriteSweep(tmp.Path);
        var path = Report.Write(tmp.Path);
        Assert.Equal(Path.GetFullPath(tmp.Combine("report.html")), path);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.EndsWith("</html>\n", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        HtmlChecks.AssertBalanced(html);

        var csv = CsvTable.Load(tmp.Combine("sweep.csv"));
        foreach (var row in csv.Rows)
            Assert.Contains("<tr" + (row[csv.IndexOf("status")] == "diverged" ? " class=\"diverged\"" : "") + "><td>" +
                            string.Join("</td><td>", row.Select(WebUtility.HtmlEncode)) + "</td></tr>", html);
        Assert.Contains("lr_d: 0.02", html); // a resolved config

        var images = HtmlChecks.Read(html);
        Assert.Equal(HtmlChecks.CountTags(html), images.Count);
        Assert.All(images, i => Assert.Equal((i.Width, i.Height), (i.Image.Width, i.Image.Height)));
        var plot = Assert.Single(images, i => i.Alt.Contains("against lr_d / lr_g"));
        Assert.Equal((760, 480), (plot.Width, plot.Height));
        var curves = Assert.Single(images, i => i.Alt == "training curves of selected cells");
        Assert.Equal((2 * 520, 3 * 340), (curves.Width, curves.Height)); // loss_d, loss_g, two grad norms, FID: 3 rows
        var montage = Assert.Single(images, i => i.Alt == "final sample grid of every cell");
        var cells = images.Where(i => i.Alt.StartsWith("samples of ")).ToList();
        Assert.Equal(csv.Rows.Count, cells.Count);
        foreach (var cell in cells)
        {
            var name = cell.Alt["samples of ".Length..cell.Alt.IndexOf(" at step", StringComparison.Ordinal)];
            var onDisk = RunRecord.Load(tmp.Combine(name)).LatestSample!;
            Assert.True(PngImage.Load(onDisk).SamePixels(cell.Image), name);
        }
        // 12 tiles in 4 columns: 3 rows of (label strip + grid + padding); the small grids are enlarged k times to reach 128 px.
        var (gw, gh) = GameDrift.Io.Images.ImageGrid.Size(FakeRuns.GridCount, FakeRuns.GridSide, FakeRuns.GridSide, new() { Nrow = 3 });
        int k = 128 / Math.Max(gw, gh);
        (gw, gh) = (gw * k, gh * k);
        int cellW = Math.Max(gw, 120) + SampleMontage.Pad, cellH = SampleMontage.MaxLines * SampleMontage.LineHeight + 2 + gh + SampleMontage.Pad;
        Assert.Equal((4 * cellW + SampleMontage.Pad, 3 * cellH + SampleMontage.Pad), (montage.Width, montage.Height));
    }

    [Fact]
    public void WithoutImageMetricsTheFinalLossesStandInAndSaySo()
    {
        using var tmp = new TempDirectory();
        FakeRuns.WriteSweep(tmp.Path, withFid: false);
        var sweep = SweepRecord.Load(tmp.Path);
        var measures = Measure.For(sweep);
        Assert.Equal(MetricColumns.Diagnostics, measures.Select(m => m.Column));
        Assert.All(measures, m => Assert.True(m.StandIn && !m.Best));
        var lossPhi = RatioPlot.Curves(sweep, measures[0]);
        var p = lossPhi[1].Points.Single(q => Math.Abs(q.Ratio - 1) < 1e-12);
        Assert.Equal(FakeRuns.Seeds.Average(s => FakeRuns.LossPhi("alternating", 1, s, FakeRuns.Steps)), p.Mean, 9);

        var html = Report.Build(tmp.Path).ToString();
        Assert.Contains("No image metric", html);
        Assert.Equal(4, HtmlChecks.Read(html).Count(i => i.Alt.Contains("against lr_d / lr_g") && i.Alt.StartsWith("final ")));
    }

    [Fact]
    public void CurvesDefaultToTheBestCellOfEachLineAndFollowCellsWhenNamed()
    {
        using var tmp = new TempDirectory();
        FakeRuns.WriteSweep(tmp.Path);
        var sweep = SweepRecord.Load(tmp.Path);
        var (picked, _) = SweepReport.SelectCells(sweep, new ReportOptions());
        // The FID formula is lowest at ratio 0.5 and seed 0 for both schemes.
        Assert.Equal([FakeRuns.CellName("simultaneous", 0.5, 0), FakeRuns.CellName("alternating", 0.5, 0)], picked.Select(c => c.Name));
        var named = SweepReport.SelectCells(sweep, new ReportOptions { Cells = ["alternating-r2-s1"] }).Cells;
        Assert.Equal(FakeRuns.CellName("alternating", 2, 1), Assert.Single(named).Name);
        var e = Assert.Throws<ArgumentException>(() => SweepReport.SelectCells(sweep, new ReportOptions { Cells = ["nope"] }));
        Assert.Contains("'nope'", e.Message);
    }

    [Fact]
    public void ASweepWithoutCsvListsItsCellDirectoriesAndUnstartedCellsStillReport()
    {
        using var tmp = new TempDirectory();
        FakeRuns.WriteSweep(tmp.Path);
        File.Delete(tmp.Combine("sweep.csv"));
        Directory.CreateDirectory(tmp.Combine("cells", "zz-not-started"));
        var sweep = SweepRecord.Load(tmp.Path);
        Assert.Equal(13, sweep.Cells.Count);
        Assert.Equal("not started", sweep.Cells[^1].State);
        Assert.Equal(RunStatus.Diverged, sweep.Cells.Single(c => c.Name.EndsWith("simultaneous-r2-s1")).State);
        var html = Report.Build(tmp.Path).ToString();
        Assert.Contains("<td>cells/zz-not-started</td><td>not started</td>", html.Replace(Path.DirectorySeparatorChar, '/'));
        Assert.Single(HtmlChecks.Read(html), i => i.Alt.Contains("against lr_d / lr_g"));
    }

    [Fact]
    public void StatusJsonDecidesDivergenceAndSweepCsvOnlyWhenACellHasNone()
    {
        using var tmp = new TempDirectory();
        FakeRuns.WriteSweep(tmp.Path);
        var lines = File.ReadAllLines(tmp.Combine("sweep.csv"));
        // Row 1 claims a divergence its status.json does not have; the diverged cell loses its status.json.
        var cells = lines[1].Split(',');
        cells[6] = "12";
        lines[1] = string.Join(",", cells);
        File.WriteAllLines(tmp.Combine("sweep.csv"), lines);
        var divergedDir = tmp.Combine(FakeRuns.CellName(FakeRuns.DivergingScheme, FakeRuns.DivergingRatio, FakeRuns.DivergingSeed));
        File.Delete(Path.Combine(divergedDir, "status.json"));
        var sweep = SweepRecord.Load(tmp.Path);
        Assert.False(sweep.Cells[0].Diverged);
        var fromCsv = sweep.Cells.Single(c => c.Run.Directory == divergedDir);
        Assert.True(fromCsv.Diverged);
        Assert.Equal((FakeRuns.DivergedAt, RunStatus.Diverged), (fromCsv.DivergedStep!.Value, fromCsv.State));
    }

    [Fact]
    public void OtherSweptKeysSplitLinesWhileSeedsAndTheRatioDoNot()
    {
        using var tmp = new TempDirectory();
        FakeRuns.WriteSweep(tmp.Path);
        var lines = File.ReadAllLines(tmp.Combine("sweep.csv"));
        // An lr_d axis after scheme: both seeds of a ratio share a value, the ratios alternate between two.
        File.WriteAllLines(tmp.Combine("sweep.csv"), lines.Select((l, i) =>
        {
            var c = l.Split(',').ToList();
            c.Insert(2, i == 0 ? "lr_d" : (i - 1) / 2 % 2 == 0 ? "0.02" : "0.04");
            return string.Join(",", c);
        }));
        var sweep = SweepRecord.Load(tmp.Path);
        Assert.Equal(["scheme", "lr_d", "lr_ratio", "seed"], sweep.AxisKeys);
        Assert.Equal(["scheme", "regularisers", "lr_d"], sweep.GroupKeys);
        Assert.Equal("simultaneous / none, lr_d=0.02", sweep.Group(sweep.Cells[0]));
        Assert.Equal("simultaneous / none, lr_d=0.04", sweep.Group(sweep.Cells[2]));
        var curves = RatioPlot.Curves(sweep, Measure.For(sweep)[0]);
        Assert.Equal(4, curves.Count);
        Assert.All(curves, c => Assert.All(c.Points, p => Assert.True(p.Seeds + p.Diverged == 2)));
    }

    [Fact]
    public void BadInputIsNamed()
    {
        using var tmp = new TempDirectory();
        var e = Assert.Throws<InvalidDataException>(() => Report.Build(tmp.Path));
        Assert.Contains(tmp.Path, e.Message);
        File.WriteAllText(tmp.Combine("sweep.csv"), "cell,scheme,status\ncells/a,sim\n");
        var bad = Assert.Throws<InvalidDataException>(() => Report.Build(tmp.Path));
        Assert.Contains("sweep.csv: line 2 has 2 cells but the header has 3", bad.Message);
        Assert.Throws<DirectoryNotFoundException>(() => Report.Write(tmp.Combine("missing")));
    }

    [Fact]
    public void TheDrawnFiguresAreAlsoSavedAsPngFilesBesideTheReport()
    {
        using var tmp = new TempDirectory();
        FakeRuns.WriteSweep(tmp.Path);
        var html = File.ReadAllText(Report.Write(tmp.Path));
        var files = Directory.GetFiles(tmp.Combine("plots"), "*.png").Order(StringComparer.Ordinal).ToArray();
        var drawn = Report.Build(tmp.Path).Figures;
        Assert.Equal(drawn.Count, files.Length);
        Assert.True(files.Length >= 3, "the ratio plot, the training curves and the montage");
        Assert.Contains(files, f => Path.GetFileName(f).Contains("against-lr-d-lr-g"));
        foreach (var (file, (_, png)) in files.Zip(drawn))
        {
            Assert.Equal(png, File.ReadAllBytes(file));
            var image = PngDecoder.Decode(File.ReadAllBytes(file));
            Assert.Contains(Convert.ToBase64String(png), html);
            Assert.True(image.Width > 0 && image.Height > 0);
        }
    }
}
