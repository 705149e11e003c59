using GameDrift.Io.Csv;
using GameDrift.Io.Png;
using GameDrift.Tests.Support;

namespace GameDrift.Tests.Cli;

public class DriftOrderPlotTests
{
    [Fact]
    public void Drift_order_writes_the_slopes_and_their_log_log_plot()
    {
        using var tmp = new TempDirectory();
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, TimeSpan.FromMinutes(2),
            "drift-order", "--game", "dirac", "--scheme", "alternating", "--lr-ratio", "2", "--out", tmp.Combine("order"));
        Assert.True(code == 0, stdout + stderr);
        var slopes = CsvTable.Load(tmp.Combine("order", "slopes.csv"));
        Assert.Equal(3, slopes.Rows.Count);
        var png = PngDecoder.Load(tmp.Combine("order", "order.png"));
        Assert.Equal((720, 520), (png.Width, png.Height));
        // Three coloured lines: blue, orange and green pixels are all there.
        bool Has(int r, int g, int b) => Enumerable.Range(0, png.Width * png.Height).Any(p =>
            Math.Abs(png.Pixels[p * png.Channels] - r) < 40 && Math.Abs(png.Pixels[p * png.Channels + 1] - g) < 40 && Math.Abs(png.Pixels[p * png.Channels + 2] - b) < 40);
        Assert.True(Has(0x1f, 0x77, 0xb4) && Has(0xff, 0x7f, 0x0e) && Has(0x2c, 0xa0, 0x2c));
    }
}
