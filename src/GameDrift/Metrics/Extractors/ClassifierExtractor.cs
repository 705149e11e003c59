using System.Globalization;
using System.Text.Json;
using GameDrift.Data;
using GameDrift.Torch;
using GameDrift.Io;

namespace GameDrift.Metrics.Extractors;

/// <summary>
/// The offline fallback extractor: a <see cref="ClassifierNet"/> trained by GameDrift on the real data set itself;
/// its penultimate features and softmax give "FID / IS under the data set's own classifier". Its name,
/// <c>&lt;dataset&gt;-classifier</c>, is in every metric column, so these numbers are never mistaken for Inception ones.
/// </summary>
/// <remarks>
/// <para>Trained once per (data set content, schedule) and cached at
/// <c>&lt;cache&gt;/classifiers/&lt;dataset&gt;-&lt;fingerprint&gt;-&lt;schedule&gt;.pt</c> (the state dict) with a
/// <c>.json</c> beside it recording the accuracy reached, the training time and the schedule
/// (<see cref="GameDriftCache"/>; default <c>~/.cache/gamedrift</c>).</para>
/// <para>Preprocessing: images in [−1, 1] are quantised to the data's uint8 grid exactly as for Inception
/// (truncating x·127.5 + 128, clamped to [0, 255]) and mapped back by u/127.5 − 1, the scaling of
/// <see cref="ImageDataset"/> batches; so generated images meet the classifier on the grid real ones lie on.</para>
/// </remarks>
public sealed class ClassifierExtractor : IFeatureExtractor
{
    private readonly ClassifierNet net;

    public ClassifierExtractor(ClassifierNet net, string datasetName, double accuracy = double.NaN)
    {
        this.net = net;
        net.Eval();
        Name = $"{datasetName}-classifier";
        Accuracy = accuracy;
        Device = net.Parameters().First().Device;
        using var scope = torch.NewDisposeScope();
        Fingerprint = WeightsFingerprint.Of(net.StateDict());
    }

    /// <summary>A hash of the weights (<see cref="WeightsFingerprint"/>): equal fingerprints, equal features.</summary>
    public string Fingerprint { get; }

    public string Name { get; }
    public int FeatureDimension => net.FeatureDimension;
    public int ClassCount => net.Classes;
    public Device Device { get; }

    /// <summary>Accuracy recorded when the classifier was trained (test split when there was one), NaN if unknown.</summary>
    public double Accuracy { get; }

    /// <summary>The cached weights' file, when loaded through <see cref="LoadOrTrain"/>.</summary>
    public string? CachePath { get; private init; }

    /// <summary>A cache identity of the extractor: the weights' file name (data fingerprint + schedule).</summary>
    public string CacheKey => CachePath is null ? Name : Path.GetFileNameWithoutExtension(CachePath);

    public ClassifierNet Network => net;

    public (Tensor? Features, Tensor? Probabilities) Forward(Tensor images, bool features, bool probabilities)
    {
        if (images.Dim != 4 || images.Shape[1] != net.Channels || images.Shape[2] != net.Height || images.Shape[3] != net.Width)
            throw new ArgumentException($"the {Name} extractor takes images of shape N x {net.Channels} x {net.Height} x {net.Width}; " +
                $"got [{string.Join(", ", images.Shape)}]");
        using var oneThread = new DeterministicThreads(); // the same features on every machine
        var x = (images.To(Device, ScalarType.Float32) * 127.5 + 128).Clamp(0, 255).To(ScalarType.Byte).To(ScalarType.Float32) / 127.5 - 1;
        var f = net.Features(x);
        return (features ? f.To(Device.CPU) : null, probabilities ? net.Head(f).Softmax(1).To(Device.CPU) : null);
    }

    /// <summary>Loads the classifier of <paramref name="train"/> under <paramref name="schedule"/> from the cache, or trains
    /// it (measuring accuracy on <paramref name="test"/> when given, else on the training images) and caches it. Several
    /// processes asking at once train it once (<see cref="CacheLock"/>): the others wait and load it.</summary>
    /// <param name="activity">told what this process is busy with while it trains or waits (a sweep's progress line shows it).</param>
    public static ClassifierExtractor LoadOrTrain(string datasetName, ImageDataset train, ImageDataset? test, ClassifierSchedule? schedule = null,
        Device? device = null, Action<string>? log = null, string? cacheDirectory = null, Action<string>? activity = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        schedule ??= ClassifierSchedule.Full;
        schedule.Validate();
        var dir = Path.Combine(cacheDirectory ?? GameDriftCache.Directory, "classifiers");
        var path = Path.Combine(dir, $"{datasetName}-{DatasetFingerprint.Of(train)}-{schedule.Key}.pt");
        var infoPath = Path.ChangeExtension(path, ".json");
        var d = device ?? Device.CPU;
        int classes = ClassifierTraining.ClassCount(train);
        bool Cached() => File.Exists(path) && File.Exists(infoPath);
        if (Cached()) return Load(path, infoPath, datasetName, train, classes, d, log);
        using var cacheLock = CacheLock.Acquire(path, () =>
        {
            log?.Invoke($"waiting for the {datasetName} classifier another process is training ({path})");
            activity?.Invoke($"waiting for the {datasetName} classifier another worker is training");
        });
        if (Cached()) return Load(path, infoPath, datasetName, train, classes, d, log);

        log?.Invoke($"training the {datasetName} classifier ({schedule.Key}) for the image metrics; it is cached at {path}");
        activity?.Invoke($"training the {datasetName} classifier for the image metrics (once, then cached)");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trained = ClassifierTraining.Train(train, schedule, d, log);
        double seconds = clock.Elapsed.TotalSeconds;
        var evalSet = test ?? train;
        double accuracy = ClassifierTraining.Accuracy(trained, evalSet);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"{datasetName} classifier: {(test is null ? "training" : "test")} accuracy {accuracy:P2} after {seconds:F1} s"));
        Directory.CreateDirectory(dir);
        trained.Save(path);
        var result = new ClassifierExtractor(trained, datasetName, accuracy) { CachePath = path };
        AtomicFile.WriteAllText(infoPath, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["dataset"] = datasetName,
            ["schedule"] = schedule.Key,
            ["fingerprint"] = result.Fingerprint,
            ["accuracy"] = accuracy,
            ["accuracy_split"] = test is null ? "train" : "test",
            ["train_seconds"] = Math.Round(seconds, 2),
            ["threads"] = 1,
        }, new JsonSerializerOptions { WriteIndented = true }));
        return result;
    }

    private static ClassifierExtractor Load(string path, string infoPath, string datasetName, ImageDataset train, int classes, Device d,
        Action<string>? log)
    {
        var net = new ClassifierNet(train.Channels, train.Height, train.Width, classes);
        try
        {
            net.Load(path);
            var info = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(infoPath));
            double acc = info is not null && info.TryGetValue("accuracy", out var a) ? a.GetDouble() : double.NaN;
            net.To(d);
            var e = new ClassifierExtractor(net, datasetName, acc) { CachePath = path };
            log?.Invoke($"loaded the {datasetName} classifier from {path} (accuracy {acc:P2}, weights {e.Fingerprint})");
            return e;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            net.Dispose();
            throw new InvalidDataException($"{path}: cached classifier cannot be loaded ({e.Message}); delete it to retrain", e);
        }
    }

    public void Dispose() => net.Dispose();
}
