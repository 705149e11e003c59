namespace GameDrift.Training.Observers;

/// <summary>Something measured after a training step that adds columns to metrics.csv (effective learning rates,
/// sharpness). Values are taken only for steps that get a metrics row.</summary>
public interface IStepObserver
{
    IReadOnlyList<string> Columns { get; }

    /// <summary>Whether <paramref name="step"/> must get a metrics row because a measurement is due; step 0 (asked once,
    /// before a fresh run's first update) measures the starting point.</summary>
    bool Due(long step);

    /// <summary>The values for <paramref name="step"/>'s row, after its update (columns left out are blank).</summary>
    IReadOnlyDictionary<string, double> Observe(long step);
}
