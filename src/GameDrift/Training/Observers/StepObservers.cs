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
    public static IReadOnlyList<IStepObserver> Create(RunConfig config, ITwoPlayerGame game, IPlayerOptimizer d, IPlayerOptimizer g,
        Func<ulong, DataBatchSource> source, params Module[] modules)
    {
        var list = new List<IStepObserver>();
        if (d is DalPlayerOptimizer || g is DalPlayerOptimizer)
            list.Add(new DalLearningRates(d as DalPlayerOptimizer, g as DalPlayerOptimizer));
        if (config.SharpnessEvery > 0)
        {
            var differentiable = game as IDifferentiableGame ?? throw new ArgumentException(
                $"config key 'sharpness_every': sharpness needs a game with losses; game '{config.Game}' only gives vector fields");
            // One fixed batch from its own seed stream: sharpness curves follow the parameters, and no training stream moves.
            ulong seed = SplitMix64.Mix(unchecked((ulong)config.Seed) ^ 0x5348415250UL);
            GameBatch batch;
            using (var fixedSource = source(seed))
                batch = fixedSource.Next();
            var monitor = new SharpnessMonitor(differentiable, d.Parameters, g.Parameters, batch, config.SharpnessIters, config.SharpnessTol, seed, () => new BufferSnapshot(modules));
            list.Add(new SharpnessObserver(monitor, config.SharpnessEvery, d, g));
        }
        return list;
    }
}
