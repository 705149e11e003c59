using GameDrift.Io.Png;
using GameDrift.Reports;
using GameDrift.Io.Csv;

namespace GameDrift.Tests.Reports;

public class ReportPiecesTests
{
    [Fact]
    public void CsvCellsMayBeQuotedWithCommasQuotesAndLineBreaks()
    {
        var t = CsvTable.Parse("cell,regularisers,note\r\na,\"cancel-interaction,r1=0.3\",\"say \"\"hi\"\"\"\nb,,\"two\nlines\"\n");
        Assert.Equal(["cell", "regularisers", "note"], t.Header);
        Assert.Equal(["a", "cancel-interaction,r1=0.3", "say \"hi\""], t.Rows[0]);
        Assert.Equal(["b", "", "two\nlines"], t.Rows[1]);
        Assert.Equal("", t.Get(1, "regularisers"));
        Assert.Null(t.Get(0, "missing"));
        var e = Assert.Throws<InvalidDataException>(() => CsvTable.Parse("a,b\n1,\"open\n", "x.csv"));
        Assert.Contains("x.csv: line 2", e.Message);
    }

    [Fact]
    public void MetricsTablesKeepGapsAndPickBestByDirection()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.Combine("m.csv"), "step,wall_time,loss_d,fid_inception,is_inception,self_drift_d\n1,0.1,0.5,,,NaN\n2,0.2,NaN,30,2,NaN\n3,0.3,0.25,20,1.5,NaN\n4,0.4,0.3,,,NaN\n");
        var m = MetricsTable.Load(tmp.Combine("m.csv"));
        Assert.Equal(["loss_d", "fid_inception", "is_inception", "self_drift_d"], m.Columns);
        // A column of NaN only (a diagnostic switched off) or one that is absent gets no panel.
        Assert.Equal(["fid_inception", "loss_d"], TrainingCurves.Present([m], ["fid_inception", "self_drift_d", "kid_inception", "loss_d"]));
        var (steps, values) = m.Series("fid_inception");
        Assert.Equal([2.0, 3.0], steps);
        Assert.Equal([30.0, 20.0], values);
        Assert.Equal(20, m.Best("fid_inception", MetricColumns.LowerIsBetter("fid_inception")));
        Assert.Equal(2, m.Best("is_inception", MetricColumns.LowerIsBetter("is_inception")));
        Assert.Equal(0.25, m.Best("loss_d", true)); // NaN is skipped
        Assert.Equal(0.3, m.Final("loss_d"));
        File.WriteAllText(tmp.Combine("bad.csv"), "step,loss\n1,abc\n");
        var e = Assert.Throws<InvalidDataException>(() => MetricsTable.Load(tmp.Combine("bad.csv")));
        Assert.Contains("column 'loss': 'abc' is not a number", e.Message);
    }

    [Fact]
    public void ImageMetricColumnsAreRecognisedWithTheirDirection()
    {
        Assert.True(MetricColumns.IsImageMetric("fid_fashion-mnist-classifier"));
        Assert.True(MetricColumns.IsImageMetric("kid_inception"));
        Assert.False(MetricColumns.IsImageMetric("loss_d"));
        Assert.False(MetricColumns.LowerIsBetter("is_inception"));
        Assert.True(MetricColumns.LowerIsBetter("kid_inception"));
        Assert.Equal("FID (fashion-mnist-classifier)", MetricColumns.Describe("fid_fashion-mnist-classifier"));
    }

    [Fact]
    public void LabelsWrapAtSeparatorsAndLongOnesAreCut()
    {
        Assert.Equal(new[] { "scheme=alternating", "lr_ratio=0.5 seed=1" }, SampleMontage.Wrap("scheme=alternating lr_ratio=0.5 seed=1", 20));
        Assert.Equal(new[] { "abcdefgh", "ijklmnop", "qrstuv.." }, SampleMontage.Wrap("abcdefghijklmnopqrstuvwxyz", 8));
        Assert.All(SampleMontage.Wrap(new string('x', 100), 10), l => Assert.True(l.Length <= 10));
    }

    [Fact]
    public void MontageShrinksLargeGridsByBlockAverageAndEnlargesTinyOnes()
    {
        var pixels = new byte[4 * 2];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 10); // 4x2 gray
        var small = SampleMontage.Shrink(new PngImage(4, 2, 1, pixels), 2);
        Assert.Equal((2, 1), (small.Width, small.Height));
        Assert.Equal([(byte)((0 + 10 + 40 + 50 + 2) / 4), (byte)((20 + 30 + 60 + 70 + 2) / 4)], small.Pixels);
        var big = SampleMontage.Enlarge(new PngImage(4, 2, 1, pixels), 3);
        Assert.Equal((12, 6), (big.Width, big.Height));
        Assert.Equal(pixels[5], big[3 * 1 + 2, 3 * 1 + 1, 0]);
        var montage = SampleMontage.Render([new("a", new PngImage(4, 2, 1, pixels)), new("b", null, Marked: true)], columns: 4, minTile: 128);
        int cellH = SampleMontage.MaxLines * SampleMontage.LineHeight + 2 + 64 + SampleMontage.Pad; // 4x2 enlarged 32 times
        Assert.Equal((2 * (128 + SampleMontage.Pad) + SampleMontage.Pad, cellH + SampleMontage.Pad), (montage.Width, montage.Height));
        // Pixel (1, 1) of the tile (value pixels[5]) covers 32x32 screen pixels, copied exactly.
        int x = SampleMontage.Pad + 32 + 5, y = SampleMontage.Pad + cellH - 64 - SampleMontage.Pad + 32 + 5;
        Assert.Equal([pixels[5], pixels[5], pixels[5]], new[] { montage[x, y, 0], montage[x, y, 1], montage[x, y, 2] });
        // The label is drawn in dark ink above the tile; the empty tile of "b" is light gray, not white.
        Assert.Contains(Enumerable.Range(0, 40).SelectMany(i => Enumerable.Range(0, SampleMontage.LineHeight).Select(j => montage[SampleMontage.Pad + i, SampleMontage.Pad + j, 0])), v => v < 100);
        Assert.Equal(235, montage[SampleMontage.Pad + 128 + SampleMontage.Pad + 2, SampleMontage.Pad + cellH - 64 - SampleMontage.Pad + 2, 0]);
    }
}
