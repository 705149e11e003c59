using GameDrift.Data;
using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.Torch.optim;
using GameDrift.Training;
using GameDrift.Transforms;

namespace OwnNetworks;

/// <summary>The long way, for full control of the loop: build the game, each player's chain (regulariser, then
/// optimiser) and the update scheme yourself, and call <see cref="UpdateScheme.Step"/>. Nothing here is written to disk.</summary>
public static class ManualTraining
{
    /// <summary>Trains for <paramref name="steps"/> steps and returns each step's diagnostics.</summary>
    public static IReadOnlyList<StepDiagnostics> Train(ImageDataset data, int steps, int batchSize = 32, long latentDim = 64,
        ulong seed = 1, bool measureDriftEveryStep = false)
    {
        using var init = new Generator(seed);
        using var generator = new MlpGenerator(latentDim, hidden: 128, init);
        using var discriminator = new ConvDiscriminator(width: 16, init);

        // phi = the discriminator (minimises L1), theta = the generator (minimises L2); saturating = the zero-sum game.
        var game = new GanGame(discriminator.Forward, discriminator.Parameters(), generator.Forward, generator.Parameters(),
            GanLoss.Saturating);
        using var optD = new SGD(discriminator.Parameters(), lr: 0.05);
        using var optG = new SGD(generator.Parameters(), lr: 0.05);
        // Seeded, shuffled batches without replacement, scaled to [-1, 1], plus fresh standard-normal latents.
        using var batches = new DataBatchSource(data, new BatchSampler(data.Count, batchSize, seed), new Generator(seed + 1),
            (int)latentDim, Device.CPU);
        // Each player's update is a chain: its own gradient, plus the regularisers' terms, then its optimiser's step.
        var regularisers = RegulariserRegistry.Parse("cancel-interaction"); // the config syntax, or [DriftRegulariser.CancelInteraction()]
        var scheme = new Simultaneous(game, Chain.Of(regularisers, optD), Chain.Of(regularisers, optG), batches)
        {
            MeasureDrift = measureDriftEveryStep,
        };

        var history = new List<StepDiagnostics>();
        for (var step = 1; step <= steps; step++)
            history.Add(scheme.Step()); // the step frees its temporaries; each entry keeps its values in one small tensor per player until read
        return history;
    }
}
