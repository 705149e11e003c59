using GameDrift.Games;
using System.Diagnostics;
using System.Globalization;
using GameDrift.Data;
using GameDrift.Games.ImageGans;
using GameDrift.Torch;
using GameDrift.Training;

// Usage: GameDrift.TrainBench VARIANT [warmup] [steps|lockstep] [threads]
// Times training steps through the real TrainingSession / update scheme / regulariser code, on random images of
// the variant's shape (the loader's decoding is not part of a step). Configs are the sample configs with overrides.
// Prints per timed step "step_ms: X" and "step_cpu_ms: Y", then "loader_ms: Z" (one DataBatchSource.Next(), median
// of 20) and "batches_per_step: K". In lockstep mode it prints "ready" after the warm-up and times one step per
// "step" line read from stdin until "quit" (see bench/run-training.sh).
var inv = CultureInfo.InvariantCulture;
var variant = args.Length > 0 ? args[0] : "sngan-alternating";
var warmup = args.Length > 1 ? int.Parse(args[1], inv) : 2;
var lockstep = args.Length > 2 && args[2] == "lockstep";
var steps = args.Length > 2 && !lockstep ? int.Parse(args[2], inv) : 5;
var threads = args.Length > 3 ? int.Parse(args[3], inv) : 2;

var root = FindRoot();
(string File, string[] Overrides, int BatchesPerStep) v = variant switch
{
    // The demo's two runs (gamedrift demo): Fashion-MNIST DCGAN, B=64.
    "fmnist-simultaneous" => ("fmnist-sgd-simultaneous", [], 1),
    "fmnist-simultaneous-cancel" => ("fmnist-sgd-simultaneous-cancel", [], 1),
    // What the diagnostics cost: a step that writes a metrics row (the cross-gradient norms), and one that also
    // measures the drift-term norms (diagnostics_every).
    "fmnist-simultaneous-logged" => ("fmnist-sgd-simultaneous", ["log_every=1"], 1),
    "fmnist-simultaneous-drift" => ("fmnist-sgd-simultaneous", ["diagnostics_every=1"], 1),
    // Continuous-time tools: a step that also measures both players' sharpness (Lanczos, up to sharpness_iters HVPs
    // each), and steps with DAL learning rates (exact or finite-difference H g) for both players.
    "fmnist-simultaneous-sharpness" => ("fmnist-sgd-simultaneous", ["sharpness_every=1"], 1),
    "fmnist-simultaneous-dal" => ("fmnist-sgd-simultaneous", ["optimizer=dal"], 1),
    "fmnist-simultaneous-dal-fd" => ("fmnist-sgd-simultaneous", ["optimizer=dal", "dal_hvp=finite-difference"], 1),
    // The paper's SN-GAN at B=64 on the CPU: plain alternating SGD, and simultaneous SGD cancelling both players'
    // interaction terms. same-batch is the computation of the PyTorch anchor (one batch, one joint forward pass);
    // the configs' default estimator (split) adds a forward and backward pass on each half batch.
    "sngan-alternating" => ("cifar10-sgd-alternating", [], 2),
    "sngan-cancel-same-batch" => ("cifar10-sgd-simultaneous-cancel", ["regularisers=cancel-interaction:same-batch"], 1),
    "sngan-cancel-split" => ("cifar10-sgd-simultaneous-cancel", [], 1),
    _ => throw new ArgumentException($"unknown variant {variant}"),
};
BuiltInGames.Register();
var config = ConfigLoader.Load(Path.Combine(root, "samples", "configs", v.File + ".yaml"),
    ["batch_size=64", "device=cpu", $"threads={threads}", "log_every=1000000", "ema=0", .. v.Overrides]);
torch.NumThreads = threads;
var data = RandomImages(config.Game.StartsWith("fmnist") ? (1, 28, 28) : (3, 32, 32));
using var session = new TrainingSession(config, data);
// Steps are numbered from 1, as in a run: unlogged unless the variant says (what most steps of a run are).
session.Scheme.EvaluationObservers.Add(StepSchedule.Measurement(config, 0));

void Step(long step)
{
    torch.ManualSeed((ulong)step);
    session.Scheme.Step().Dispose(); // unread diagnostics: free their device copy now
    foreach (var o in session.Observers) if (o.Due(step)) o.Observe(step); // what a train step measures after it
}

long n = 0;
for (var i = 0; i < warmup; i++) Step(++n);
if (lockstep) Console.WriteLine("ready");
var self = Process.GetCurrentProcess();
var sw = new Stopwatch();
for (var i = 0; lockstep || i < steps; i++)
{
    if (lockstep && Console.ReadLine() != "step") break;
    self.Refresh();
    var cpu0 = self.TotalProcessorTime;
    sw.Restart();
    Step(++n);
    sw.Stop();
    self.Refresh();
    Console.WriteLine(string.Format(inv, "step_cpu_ms: {0:F3}", (self.TotalProcessorTime - cpu0).TotalMilliseconds));
    Console.WriteLine(string.Format(inv, "step_ms: {0:F3}", sw.Elapsed.TotalMilliseconds));
}

// The loader's share: one batch (sample indices, copy and scale pixels, build the tensor, draw latents).
using (var batches = new DataBatchSource(data, new BatchSampler(data.Count, config.BatchSize, 1), new Generator(2), config.LatentDim, Device.CPU))
{
    var times = new List<double>();
    for (var i = 0; i < 21; i++)
    {
        using var scope = torch.NewDisposeScope();
        sw.Restart();
        batches.Next();
        sw.Stop();
        if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine(string.Format(inv, "loader_ms: {0:F3}", times[times.Count / 2]));
}
Console.WriteLine($"batches_per_step: {v.BatchesPerStep}");
Console.WriteLine($"threads: {torch.NumThreads}");
return;

static ImageDataset RandomImages((int C, int H, int W) shape)
{
    const int count = 1024;
    var pixels = new byte[count * shape.C * shape.H * shape.W];
    new Random(0).NextBytes(pixels);
    return new ImageDataset(pixels, new int[count], shape.C, shape.H, shape.W);
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        if (Directory.Exists(Path.Combine(d.FullName, "samples", "configs"))) return d.FullName;
    for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d != null; d = d.Parent)
        if (Directory.Exists(Path.Combine(d.FullName, "samples", "configs"))) return d.FullName;
    throw new DirectoryNotFoundException("samples/configs not found; run from the repository");
}
