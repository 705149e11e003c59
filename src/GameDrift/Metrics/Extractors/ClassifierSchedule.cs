using System.Globalization;

namespace GameDrift.Metrics.Extractors;

/// <summary>How the fallback classifier is trained: Adam, learning rate decaying linearly to zero, shuffled mini-batches.</summary>
/// <param name="Epochs">Passes over the training images.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Adam's initial learning rate.</param>
/// <param name="TrainSamples">Training images used (the first ones); 0 for all.</param>
/// <param name="Seed">Seed of the initial weights and of the shuffling.</param>
public sealed record ClassifierSchedule(int Epochs = 2, int BatchSize = 128, double LearningRate = 2e-3, int TrainSamples = 0, ulong Seed = 0)
{
    /// <summary>The schedule runs use: two epochs over the whole training split.</summary>
    public static ClassifierSchedule Full { get; } = new();

    /// <summary>Identifies the schedule in cache file names; a version suffix changes when the network or its training changes (v3: trained on one thread, the same bits everywhere).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"e{Epochs}-b{BatchSize}-lr{LearningRate:G6}-n{TrainSamples}-s{Seed}-v3");

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"classifier epochs must be at least 1, got {Epochs}");
        if (BatchSize < 2) throw new ArgumentException($"classifier batch size must be at least 2 (batch norm), got {BatchSize}");
        if (!(LearningRate > 0)) throw new ArgumentException($"classifier learning rate must be positive, got {LearningRate}");
        if (TrainSamples < 0) throw new ArgumentException($"classifier train samples must not be negative, got {TrainSamples}");
    }
}
