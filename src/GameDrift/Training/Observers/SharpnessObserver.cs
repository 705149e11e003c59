using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Transforms;

namespace GameDrift.Training.Observers;

/// <summary>metrics.csv columns <c>sharpness_d</c>, <c>sharpness_g</c> (top eigenvalue of each player's own-loss Hessian)
/// and the edge-of-stability ratios <c>sharpness_d_x_lr_d_over_2</c>, <c>sharpness_g_x_lr_g_over_2</c> (λ·lr/2; 1 is the
/// edge of plain gradient descent, spec §9.2), every <c>sharpness_every</c> steps. The lr is the one the step used (DAL's
/// effective rate under DAL); for Adam or RMSprop the ratio ignores their preconditioning.</summary>
public sealed class SharpnessObserver(SharpnessMonitor monitor, int every, IPlayerOptimizer discriminator, IPlayerOptimizer generator)
    : IStepObserver
{
    public IReadOnlyList<string> Columns { get; } =
        ["sharpness_d", "sharpness_g", "sharpness_d_x_lr_d_over_2", "sharpness_g_x_lr_g_over_2"];

    public bool Due(long step) => every > 0 && step % every == 0;

    public IReadOnlyDictionary<string, double> Observe(long step)
    {
        if (!Due(step)) return new Dictionary<string, double>();
        double d = monitor.Measure(PlayerRole.Phi).Value, g = monitor.Measure(PlayerRole.Theta).Value;
        return new Dictionary<string, double>
        {
            ["sharpness_d"] = d, ["sharpness_g"] = g,
            ["sharpness_d_x_lr_d_over_2"] = d * Rate(discriminator) / 2, ["sharpness_g_x_lr_g_over_2"] = g * Rate(generator) / 2,
        };
    }

    private static double Rate(IPlayerOptimizer o) => o is DalPlayerOptimizer dal ? dal.EffectiveLearningRate : o.LearningRate;
}
