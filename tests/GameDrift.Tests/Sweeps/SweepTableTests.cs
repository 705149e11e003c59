using GameDrift.Io.Csv;
using GameDrift.Sweeps;
using GameDrift.Training;

namespace GameDrift.Tests.Sweeps;

public class SweepTableTests
{
    /// <summary>Three cells written by hand: one finished with image metrics, one diverged, one never started.</summary>
    private static string MakeSweep(TempDirectory tmp)
    {
        var plan = SweepPlan.Expand(SweepConfig.Parse(
            "axes:\n  regularisers: ['none', 'cancel-interaction,r1=0.3', 'co=0.1']\n", "s.yaml", tmp.Path));
        var dir = tmp.Combine("sweep");
        SweepLayout.Write(plan, dir);
        var cells = plan.Cells.Select(c => Path.Combine(dir, c.RelativePath)).ToArray();

        new RunStatus(RunStatus.Finished, 30).Save(cells[0]);
        File.WriteAllLines(Path.Combine(cells[0], "metrics.csv"),
        [
            "step,wall_time,loss_d,loss_g,fid_inception,is_inception",
            "10,1.0,1.30,-0.70,80.5,2.5",
            "20,2.0,1.20,-0.60,,",
            "25,2.5,1.10,-0.65,60.25,3.75",
            "30,3.0,1.00,-0.50,70,3.25",
        ]);
        new RunStatus(RunStatus.Diverged, 17, "diverged at step 17").Save(cells[1]);
        File.WriteAllLines(Path.Combine(cells[1], "metrics.csv"),
        [
            "step,wall_time,loss_d,loss_g,fid_inception,is_inception",
            "10,1.0,5.5,-3.25,,",
        ]);
        // A row cut short by a killed writer is ignored.
        File.AppendAllText(Path.Combine(cells[1], "metrics.csv"), "16,1.6,7.");
        return dir;
    }

    private static Dictionary<string, string>[] ReadCsv(string path)
    {
        var table = CsvTable.Load(path);
        return table.Rows.Select(f => table.Header.Zip(f).ToDictionary(x => x.First, x => x.Second)).ToArray();
    }

    [Fact]
    public void ColumnsFollowTheContract()
    {
        using var tmp = new TempDirectory();
        var dir = MakeSweep(tmp);
        var header = CsvTable.Load(SweepTable.Write(dir)).Header;
        Assert.Equal(new[]
        {
            "cell", "regularisers", "status", "step", "diverged_step",
            "final_fid_inception", "best_fid_inception", "final_is_inception", "best_is_inception",
            "final_loss_d", "final_loss_g",
        }, header);
    }

    [Fact]
    public void RowsHoldStatusStepsAndFinalAndBestMetrics()
    {
        using var tmp = new TempDirectory();
        var dir = MakeSweep(tmp);
        var rows = ReadCsv(SweepTable.Write(dir));
        Assert.Equal(3, rows.Length);

        var done = rows[0];
        Assert.Equal("cells/000_regularisers-none", done["cell"]);
        Assert.Equal("none", done["regularisers"]);
        Assert.Equal(("finished", "30", ""), (done["status"], done["step"], done["diverged_step"]));
        Assert.Equal("70", done["final_fid_inception"]);     // last measured value
        Assert.Equal("60.25", done["best_fid_inception"]);   // lowest FID
        Assert.Equal("3.25", done["final_is_inception"]);
        Assert.Equal("3.75", done["best_is_inception"]);     // highest IS
        Assert.Equal(("1", "-0.5"), (done["final_loss_d"], done["final_loss_g"]));

        var diverged = rows[1];
        Assert.Equal("cancel-interaction,r1=0.3", diverged["regularisers"]); // quoted in the file, whole when read
        Assert.Equal(("diverged", "17", "17"), (diverged["status"], diverged["step"], diverged["diverged_step"]));
        Assert.Equal(("", ""), (diverged["final_fid_inception"], diverged["best_fid_inception"]));
        Assert.Equal(("5.5", "-3.25"), (diverged["final_loss_d"], diverged["final_loss_g"]));

        var pending = rows[2];
        Assert.Equal(("pending", "", ""), (pending["status"], pending["step"], pending["final_loss_d"]));
    }

    /// <summary>What a game measures itself (the ring's mode coverage, a toy's distance) gets its final value.</summary>
    [Fact]
    public void AGamesOwnMeasuresGetTheirFinalValue()
    {
        using var tmp = new TempDirectory();
        var dir = MakeSweep(tmp);
        var cell = Path.Combine(dir, SweepLayout.ReadCells(dir)[0].RelativePath);
        File.WriteAllLines(Path.Combine(cell, "metrics.csv"),
        [
            "step,wall_time,loss_d,loss_g,modes_covered,high_quality_fraction,grad_d_loss_d",
            "0,0.0,,,0,0,",
            "10,1.0,1.30,-0.70,5,0.25,0.5",
            "20,2.0,1.20,-0.60,7,0.375,0.25",
        ]);
        var table = CsvTable.Load(SweepTable.Write(dir));
        Assert.Contains("final_modes_covered", table.Header);
        Assert.DoesNotContain("final_grad_d_loss_d", table.Header);
        var rows = ReadCsv(SweepTable.Write(dir));
        Assert.Equal(("7", "0.375"), (rows[0]["final_modes_covered"], rows[0]["final_high_quality_fraction"]));
        Assert.Equal("", rows[1]["final_modes_covered"]);
    }

    [Fact]
    public void TableIsRebuiltFromCellDirectoriesWhenTheListIsGone()
    {
        using var tmp = new TempDirectory();
        var dir = MakeSweep(tmp);
        var before = File.ReadAllText(SweepTable.Write(dir));
        File.Delete(Path.Combine(dir, SweepLayout.CellsList));
        File.Delete(Path.Combine(dir, SweepLayout.CsvFile));
        Assert.Equal(before, File.ReadAllText(SweepTable.Write(dir)));
    }

    [Fact]
    public void ImageMetricColumnsAreTheUnionOverCells()
    {
        using var tmp = new TempDirectory();
        var dir = MakeSweep(tmp);
        var cell = Path.Combine(dir, SweepLayout.ReadCells(dir)[2].RelativePath);
        File.WriteAllLines(Path.Combine(cell, "metrics.csv"), ["step,wall_time,loss_d,loss_g,kid_fashion-mnist-classifier", "5,0.5,1,1,0.125"]);
        var rows = ReadCsv(SweepTable.Write(dir));
        Assert.Equal("0.125", rows[2]["best_kid_fashion-mnist-classifier"]);
        Assert.Equal("", rows[0]["best_kid_fashion-mnist-classifier"]);
        Assert.Equal("5", rows[2]["step"]); // no status.json: the last logged step
    }

    [Fact]
    public void WritingIntoADirectoryWithAnotherSweepIsRefused()
    {
        using var tmp = new TempDirectory();
        var dir = MakeSweep(tmp);
        var other = SweepPlan.Expand(SweepConfig.Parse("axes:\n  seed: [1, 2]\n", "t.yaml", tmp.Path));
        var e = Assert.Throws<ArgumentException>(() => SweepLayout.Write(other, dir));
        Assert.Contains("different sweep", e.Message);
    }

    [Fact]
    public void CsvFieldsRoundTrip()
    {
        string[] fields = ["plain", "a,b", "say \"hi\"", "two\nlines", ""];
        var text = CsvFile.Line(["h1", "h2", "h3", "h4", "h5"]) + "\n" + CsvFile.Line(fields) + "\n";
        Assert.Equal(fields, CsvTable.Parse(text).Rows[0]);
    }
}
