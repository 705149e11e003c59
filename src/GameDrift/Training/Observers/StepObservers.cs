using GameDrift.Data;
using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Transforms;

namespace GameDrift.Training.Observers;

/// <summary>The step observers a config asks for.</summary>
public static class StepObservers
{
    public static IReadOnlyList<IStepObserver> Create(RunConfig config, DifferentiableGame game, IPlayerOptimizer d, IPlayerOptimizer g,
        ImageDataset dataset, Device device, params Module[] modules)
    {
        var list = new List<IStepObserver>();
        if (d is DalPlayerOptimizer || g is DalPlayerOptimizer)
            list.Add(new DalLearningRates(d as DalPlayerOptimizer, g as DalPlayerOptimizer));
        if (config.SharpnessEvery > 0)
        {
            // One fixed batch from its own seed stream: sharpness curves follow the parameters, and no training stream moves.
            ulong seed = SplitMix64.Mix(unchecked((ulong)config.Seed) ^ 0x5348415250UL);
            GameBatch batch;
            using (var source = new DataBatchSource(dataset, new BatchSampler(dataset.Count, config.BatchSize, seed),
                       new Generator(SplitMix64.Mix(seed)), config.LatentDim, device))
                batch = source.Next();
            var monitor = new SharpnessMonitor(game, batch, config.SharpnessIters, config.SharpnessTol, seed, () => new BufferSnapshot(modules));
            list.Add(new SharpnessObserver(monitor, config.SharpnessEvery, d, g));
        }
        return list;
    }
}
