using GameDrift.Training;
using GameDrift.Training.Observers;

namespace GameDrift.Games.Mixture;

/// <summary>At each of <paramref name="steps"/>: samples/step_NNNNNN.png (the generator's points over the mode centres)
/// and panel.png, redrawn with every snapshot so far, so a run that stops early still leaves its panel.</summary>
internal sealed class ScatterSnapshots(TrainingSession session, RingOfGaussians ring, IReadOnlySet<int> steps, int minSamples,
    string outDir, string title) : IStepObserver
{
    private readonly List<(double[] Xs, double[] Ys, string Title)> taken = [];

    public IReadOnlyList<string> Columns => [];

    public bool Due(long step) => steps.Contains((int)step);

    public IReadOnlyDictionary<string, double> Observe(long step)
    {
        if (!Due(step)) return new Dictionary<string, double>();
        var (xs, ys) = RingSamples.Draw(session);
        var c = ModeCoverage.Measure(ring, xs, ys, 3, minSamples);
        var name = $"step {step}: {c.ModesCovered}/{ring.Modes} modes, {100 * c.HighQualityFraction:F0}% hq";
        taken.Add((xs, ys, name));
        Directory.CreateDirectory(Path.Combine(outDir, "samples"));
        MogPlots.Picture(ring, xs, ys, name).Save(Path.Combine(outDir, "samples", $"step_{step:D6}.png"));
        MogPlots.Panel(ring, taken, title).Save(Path.Combine(outDir, "panel.png"));
        return new Dictionary<string, double>();
    }
}
