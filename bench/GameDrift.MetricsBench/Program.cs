// Image-metric benchmarks: prints "name: value" lines (see bench/README.md, bench/metrics.sh).
//   classifier                      train the fallback classifier with the full and the test's short schedule; time and accuracy
//   features <classifier|PATH.pt> N  features per second of an extractor on N Fashion-MNIST images (PATH: a TorchScript
//                                   file with the Inception interface)
//   fid N                           FID of N generated images end to end with the classifier extractor
//   frechet [D] [N]                 the Fréchet distance alone at dimension D (2048) from two Gaussian sets of N (6000)
using GameDrift.Games;
using System.Diagnostics;
using System.Globalization;
using GameDrift.Data;
using GameDrift.Games.ImageGans;
using GameDrift.Metrics;
using GameDrift.Metrics.Extractors;
using GameDrift.Torch;
using GameDrift.Training;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
void Print(string name, double value) => Console.WriteLine($"{name}: {value:G6}");
var train = FashionMnist.Load();
var test = FashionMnist.Load(train: false);
Console.WriteLine($"threads: {torch.NumThreads}");

switch (args.ElementAtOrDefault(0))
{
    case "classifier":
    {
        // The short schedule (the unit test's) is trained in memory; the full one through the cache, as runs do, so
        // the other modes reuse it (delete ~/.cache/gamedrift/classifiers/fashion-mnist-* to time it again).
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using (var net = ClassifierTraining.Train(train, new ClassifierSchedule(Epochs: 1, TrainSamples: 6000), log: Console.Error.WriteLine))
        {
            Print("classifier_short_train_s", clock.Elapsed.TotalSeconds);
            Print("classifier_short_train_cpu_s", (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            Print("classifier_short_test_accuracy_first2000", ClassifierTraining.Accuracy(net, test, 2000));
        }
        clock.Restart();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var full = ClassifierExtractor.LoadOrTrain("fashion-mnist", train, test, ClassifierSchedule.Full, log: Console.Error.WriteLine);
        Print("classifier_full_train_or_load_s", clock.Elapsed.TotalSeconds);
        Print("classifier_full_train_or_load_cpu_s", (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        Print("classifier_full_test_accuracy", full.Accuracy);
        break;
    }
    case "features":
    {
        int n = int.Parse(args[2]);
        using IFeatureExtractor e = args[1] == "classifier"
            ? ClassifierExtractor.LoadOrTrain("fashion-mnist", train, test, log: Console.Error.WriteLine)
            : InceptionExtractor.Load(args[1]);
        var label = args[1] == "classifier" ? "classifier" : "inception";
        FeatureExtraction.Run(e, test, Math.Min(n, 1000)); // warm-up: the first batches pay for allocator and kernel setup
        foreach (var (what, f, p) in new[] { ("features", true, false), ("features_and_probs", true, true) })
        {
            var clock = Stopwatch.StartNew();
            FeatureExtraction.Run(e, test, n, f, p);
            Print($"{label}_{what}_per_s", n / clock.Elapsed.TotalSeconds);
        }
        Print($"{label}_feature_dim", e.FeatureDimension);
        break;
    }
    case "fid":
    {
        int n = int.Parse(args[1]);
        BuiltInGames.Register();
        var config = new RunConfig { Game = "fmnist-dcgan", EvalSamples = n, Metrics = "fid", EvalEvery = 1 };
        var clock = Stopwatch.StartNew();
        using var evaluator = RunEvaluator.Build(config, train, true, Path.GetTempPath(), ["fid"], Console.Error.WriteLine);
        Print("fid_setup_s (classifier + reference, cached after the first run)", clock.Elapsed.TotalSeconds);
        using var rng = new GameDrift.Torch.Generator(1);
        using var generator = GameFactory.Get("fmnist-dcgan").CreateGenerator(config, rng);
        clock.Restart();
        var values = evaluator.Evaluate(generator);
        Print($"fid_{n}_untrained_generator_s", clock.Elapsed.TotalSeconds);
        Print($"fid_{n}_untrained_generator", values.Values.Single());
        // Calibration: the real test split against the train reference (what a perfect generator would score).
        var reference = ReferenceStatistics.LoadOrCompute(evaluator.Extractor, ((ClassifierExtractor)evaluator.Extractor).CacheKey, "fashion-mnist", train);
        clock.Restart();
        var real = FeatureExtraction.Run(evaluator.Extractor, test, n, probabilities: false);
        var fid = FrechetDistance.Compute(FeatureStatistics.FromFeatures(real.RequireFeatures(), real.FeatureDimension), reference.Statistics);
        Print($"fid_{n}_test_split_s", clock.Elapsed.TotalSeconds);
        Print($"fid_{n}_test_split", fid);
        break;
    }
    case "frechet":
    {
        // The Fréchet distance alone at Inception's d = 2048: statistics of two Gaussian feature sets (n = 6000 each,
        // the peers' measurement), then FrechetDistance (libtorch's LAPACK eigh and BLAS products on one thread).
        int d = int.Parse(args.ElementAtOrDefault(1) ?? "2048"), n = int.Parse(args.ElementAtOrDefault(2) ?? "6000");
        var rng = new Random(0);
        FeatureStatistics Gaussian(double scale)
        {
            var x = new double[(long)n * d];
            for (long i = 0; i < x.Length; i++)
            {
                double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
                x[i] = scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
            return FeatureStatistics.FromFeatures(x, d);
        }
        var (a, b) = (Gaussian(1.0), Gaussian(1.5));
        FrechetDistance.Compute(a, b); // warm-up (LAPACK workspace, thread pool)
        var times = new List<double>();
        double value = 0;
        for (var r = 0; r < 3; r++)
        {
            var clock = Stopwatch.StartNew();
            value = FrechetDistance.Compute(a, b);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        Print($"frechet_d{d}_torch_eigh_s_median3", times.Order().ElementAt(1));
        // N(0, I) against N(0, 2.25 I): the population distance is d (1 + 2.25 - 2 * 1.5) = 0.25 d; with n samples
        // the estimate is biased upward (the trace of the square root of a sample covariance product is biased low).
        Print($"frechet_d{d}_n{n}_value", value);
        break;
    }
    default:
        Console.Error.WriteLine("usage: classifier | features <classifier|PATH.pt> N | fid N | frechet [D] [N]");
        return 2;
}
return 0;
