using GameDrift.Data;
using GameDrift.Training;
using OwnNetworks;

namespace GameDrift.Tests.Samples;

/// <summary>The samples/own-networks project: user-defined modules trained through the public API.</summary>
[Collection(GameDrift.Tests.Training.GlobalRngCollection.Name)]
public class OwnNetworksTests
{
    /// <summary>32 deterministic 1x28x28 images: stripes whose phase depends on the image.</summary>
    private static ImageDataset Stripes()
    {
        var pixels = new byte[32 * 28 * 28];
        for (var i = 0; i < 32; i++)
            for (var p = 0; p < 28 * 28; p++)
                pixels[i * 784 + p] = (byte)((p % 28 + i) % 7 * 40);
        return new ImageDataset(pixels, new int[32], 1, 28, 28);
    }

    [Fact]
    public void RunnerTrainsTheOwnNetworksWithFiniteLossesAndMeasuresDriftOnSchedule()
    {
        using var tmp = new TempDirectory();
        var config = RunnerTraining.DefaultConfig();
        config.Steps = 4;
        config.BatchSize = 8;
        config.LatentDim = 8;
        config.GridSize = 4;
        config.LogEvery = 1;
        config.DiagnosticsEvery = 2;
        config.Regularisers = "";
        // threads stays 0: setting it would change libtorch's global thread count under the other tests running in parallel.
        var result = RunnerTraining.Train(config, tmp.Path, Stripes());
        Assert.Equal(RunStatus.Finished, result.State);

        var (header, rows) = MetricsLog.Read(tmp.Combine("metrics.csv"));
        Assert.Equal(4, rows.Count);
        double? Cell(int row, string col) => rows[row][Array.IndexOf(header, col)];
        for (var r = 0; r < 4; r++)
        {
            Assert.True(Cell(r, "loss_d") is { } l1 && double.IsFinite(l1));
            Assert.True(Cell(r, "loss_g") is { } l2 && double.IsFinite(l2));
            // diagnostics_every: 2 with no regulariser: drift norms at steps 2 and 4 only.
            var measured = (r + 1) % 2 == 0;
            foreach (var col in new[] { "self_drift_d", "interaction_drift_d", "self_drift_g", "interaction_drift_g" })
                Assert.Equal(measured, Cell(r, col) is { } v && double.IsFinite(v));
        }
        // The checkpoint holds the user's own layer names.
        using var ckpt = Checkpoint.Load(tmp.Combine("checkpoints", "latest.pt"));
        Assert.Contains("generator.fc1.weight", ckpt.Tensors.Keys);
        Assert.Contains("discriminator.conv.weight", ckpt.Tensors.Keys);
    }

    [Fact]
    public void ManualLoopWithTheDriftRegulariserGivesFiniteLosses()
    {
        var history = ManualTraining.Train(Stripes(), steps: 3, batchSize: 8, latentDim: 8);
        Assert.Equal(3, history.Count);
        Assert.All(history, d =>
        {
            Assert.True(double.IsFinite(d.D.Loss) && double.IsFinite(d.G.Loss));
            // The regulariser computed the interaction terms, so the diagnostics report them without extra cost.
            Assert.True(double.IsFinite(d.D.InteractionDriftNorm) && d.D.InteractionDriftNorm > 0);
        });
    }
}
