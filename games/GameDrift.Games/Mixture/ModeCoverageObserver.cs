using GameDrift.Training;
using GameDrift.Training.Observers;

namespace GameDrift.Games.Mixture;

/// <summary>metrics.csv columns <c>modes_covered</c> and <c>high_quality_fraction</c> (<see cref="ModeCoverage"/> of the
/// generator's points from the fixed latents) on every row, and a row every <paramref name="every"/> steps, step 0 included.</summary>
internal sealed class ModeCoverageObserver(TrainingSession session, RingOfGaussians ring, int every, int minSamples, Action<string>? log)
    : IStepObserver
{
    public IReadOnlyList<string> Columns { get; } = ["modes_covered", "high_quality_fraction"];

    public bool Due(long step) => step % every == 0;

    public IReadOnlyDictionary<string, double> Observe(long step)
    {
        var (xs, ys) = RingSamples.Draw(session);
        var c = ModeCoverage.Measure(ring, xs, ys, 3, minSamples);
        log?.Invoke($"step {step}: modes {c.ModesCovered}/{ring.Modes}, high quality {c.HighQualityFraction:P1}");
        return new Dictionary<string, double> { ["modes_covered"] = c.ModesCovered, ["high_quality_fraction"] = c.HighQualityFraction };
    }
}
