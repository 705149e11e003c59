using GameDrift.Transforms;

namespace GameDrift.Training.Observers;

/// <summary>metrics.csv columns <c>dal_lr_d</c>, <c>dal_curvature_d</c> (and <c>_g</c>): the learning rate DAL took at the
/// step and the curvature v = ‖Hg‖/‖g‖ it came from, for each player that uses DAL.</summary>
public sealed class DalLearningRates(DalPlayerOptimizer? discriminator, DalPlayerOptimizer? generator) : IStepObserver
{
    public IReadOnlyList<string> Columns { get; } =
    [
        .. discriminator is null ? Array.Empty<string>() : ["dal_lr_d", "dal_curvature_d"],
        .. generator is null ? Array.Empty<string>() : ["dal_lr_g", "dal_curvature_g"],
    ];

    public bool Due(long step) => false;

    public IReadOnlyDictionary<string, double> Observe(long step)
    {
        var v = new Dictionary<string, double>();
        if (discriminator is not null) (v["dal_lr_d"], v["dal_curvature_d"]) = (discriminator.EffectiveLearningRate, discriminator.Curvature);
        if (generator is not null) (v["dal_lr_g"], v["dal_curvature_g"]) = (generator.EffectiveLearningRate, generator.Curvature);
        return v;
    }
}
