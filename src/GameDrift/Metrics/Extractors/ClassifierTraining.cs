using System.Diagnostics;
using GameDrift.Data;
using GameDrift.Torch;
using GameDrift.Torch.optim;
using static GameDrift.Torch.nn.functional;

namespace GameDrift.Metrics.Extractors;

/// <summary>Trains a <see cref="ClassifierNet"/> on a labelled data set and measures its accuracy.</summary>
public static class ClassifierTraining
{
    /// <summary>Trains from the schedule's seed (Adam, learning rate decaying linearly to zero); on the CPU the same bits
    /// whatever the thread count (it trains on one thread, <see cref="DeterministicThreads"/>).</summary>
    public static ClassifierNet Train(ImageDataset data, ClassifierSchedule schedule, Device? device = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        schedule.Validate();
        using var oneThread = new DeterministicThreads();
        int n = schedule.TrainSamples > 0 ? Math.Min(schedule.TrainSamples, data.Count) : data.Count;
        int classes = ClassCount(data);
        int bs = Math.Min(schedule.BatchSize, n);
        var d = device ?? Device.CPU;
        using var rng = new Generator(schedule.Seed);
        var net = new ClassifierNet(data.Channels, data.Height, data.Width, classes, generator: rng);
        net.To(d);
        using var opt = new Adam(net.Parameters(), schedule.LearningRate);
        var images = new float[(long)bs * data.ImageSize];
        var labels = new int[bs];
        var clock = Stopwatch.StartNew();
        long totalSteps = (long)schedule.Epochs * (n / bs), k = 0;
        net.Train();
        for (int epoch = 0; epoch < schedule.Epochs; epoch++)
        {
            long[] order;
            using (var perm = torch.RandPerm(n, rng)) order = perm.ToArray<long>();
            double lossSum = 0;
            int steps = 0;
            // The last partial batch is dropped: a batch of one would break batch norm.
            for (int start = 0; start + bs <= n; start += bs)
            {
                using var scope = torch.NewDisposeScope();
                var idx = order.AsSpan(start, bs).ToArray().Select(i => (int)i).ToArray();
                data.CopyBatch(idx, images);
                data.CopyLabels(idx, labels);
                var x = torch.Tensor(images, new long[] { bs, data.Channels, data.Height, data.Width }).To(d);
                var y = torch.Tensor(labels.Select(l => (long)l).ToArray()).To(d);
                var loss = CrossEntropy(net.Forward(x), y);
                // Linear decay to zero over the whole schedule: worth about half a point of accuracy at no cost.
                opt.LearningRate = schedule.LearningRate * (1 - (double)k++ / totalSteps);
                opt.ZeroGrad();
                loss.Backward();
                opt.Step();
                lossSum += loss.ToDouble();
                steps++;
            }
            log?.Invoke($"classifier epoch {epoch + 1}/{schedule.Epochs}: mean loss {lossSum / Math.Max(steps, 1):F4} ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        net.Eval();
        return net;
    }

    /// <summary>Fraction of <paramref name="data"/> (the first <paramref name="count"/> images, all when null) classified correctly.</summary>
    public static double Accuracy(ClassifierNet net, ImageDataset data, int? count = null, int batchSize = 500)
    {
        int n = Math.Min(count ?? data.Count, data.Count);
        var device = net.Parameters().First().Device;
        var wasTraining = net.IsTraining;
        net.Eval();
        var images = new float[(long)batchSize * data.ImageSize];
        var labels = new int[batchSize];
        long correct = 0;
        using var noGrad = torch.NoGrad();
        for (int start = 0; start < n; start += batchSize)
        {
            int b = Math.Min(batchSize, n - start);
            using var scope = torch.NewDisposeScope();
            var idx = Enumerable.Range(start, b).ToArray();
            data.CopyBatch(idx, images);
            data.CopyLabels(idx, labels);
            var x = torch.Tensor(new ReadOnlySpan<float>(images, 0, b * data.ImageSize), new long[] { b, data.Channels, data.Height, data.Width }).To(device);
            var predicted = net.Forward(x).ArgMax(1).To(Device.CPU).ToArray<long>();
            for (int i = 0; i < b; i++) if (predicted[i] == labels[i]) correct++;
        }
        net.Train(wasTraining);
        return (double)correct / n;
    }

    /// <summary>Number of classes: the data set's class names, or one more than its largest label.</summary>
    public static int ClassCount(ImageDataset data)
    {
        int max = 0;
        foreach (var l in data.Labels)
        {
            if (l < 0) throw new ArgumentException($"labels must not be negative; found {l}");
            max = Math.Max(max, l);
        }
        int classes = Math.Max(data.ClassNames.Count, max + 1);
        if (classes < 2) throw new ArgumentException("the classifier extractor needs a labelled data set with at least 2 classes; this one has a single label");
        return classes;
    }
}
