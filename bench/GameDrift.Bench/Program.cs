using System.Diagnostics;
using System.Globalization;
using GameDrift.Bench;
using GameDrift.Torch;

// Usage: GameDrift.Bench [plain|gradnorm] [warmup] [steps|lockstep] [threads]
//        GameDrift.Bench dirac-sweep [repeats] | regularisers [warmup] [rounds] [threads]
// Prints "first_losses: D G", then per timed step "step_ms: X" (wall clock) and "step_cpu_ms: Y" (CPU time of the
// whole process, all threads: robust to other work on a shared machine), then memory figures. In lockstep mode
// it prints "ready" after the warm-up and times one step per "step" line read from stdin until "quit", so a
// driver can alternate it step by step with the C++ twin (bench/cpp) under the same machine load.
var inv = CultureInfo.InvariantCulture;
// Two-player-game figures (bench/run.sh games): GameDrift.Bench dirac-sweep [repeats] | regularisers [warmup] [rounds] [threads]
if (args.Length > 0 && args[0] == "dirac-sweep")
{
    DiracSweepBench.Run(args.Length > 1 ? int.Parse(args[1], inv) : 3);
    return;
}
if (args.Length > 0 && args[0] == "regularisers")
{
    if (args.Length > 3) torch.NumThreads = int.Parse(args[3], inv);
    RegulariserCost.Run(args.Length > 1 ? int.Parse(args[1], inv) : 2, args.Length > 2 ? int.Parse(args[2], inv) : 5);
    return;
}
var variant = args.Length > 0 ? args[0] : "plain";
var warmup = args.Length > 1 ? int.Parse(args[1], inv) : 5;
var lockstep = args.Length > 2 && args[2] == "lockstep";
var steps = args.Length > 2 && !lockstep ? int.Parse(args[2], inv) : 20;
if (args.Length > 3) torch.NumThreads = int.Parse(args[3], inv);
if (variant is not ("plain" or "gradnorm")) throw new ArgumentException($"unknown variant {variant}");
var penalty = variant == "gradnorm";

torch.ManualSeed(0);
var net = new Dcgan();
using var real = torch.Randn(64, 3, 32, 32).Clamp(-1, 1);
var step = new Step(net, real);

var first = step.Run(penalty);
Console.WriteLine(string.Format(inv, "first_losses: {0:R} {1:R}", first.LossD, first.LossG));
for (var i = 1; i < warmup; i++) step.Run(penalty);
var rssBefore = Memory.RssMb();
if (lockstep) Console.WriteLine("ready");
var sw = new Stopwatch();
var self = Process.GetCurrentProcess();
for (var i = 0; lockstep || i < steps; i++)
{
    if (lockstep && Console.ReadLine() != "step") break;
    self.Refresh();
    var cpu0 = self.TotalProcessorTime;
    sw.Restart();
    step.Run(penalty);
    sw.Stop();
    self.Refresh();
    var cpu = self.TotalProcessorTime - cpu0;
    Console.WriteLine(string.Format(inv, "step_cpu_ms: {0:F3}", cpu.TotalMilliseconds));
    Console.WriteLine(string.Format(inv, "step_ms: {0:F3}", sw.Elapsed.TotalMilliseconds));
}
Console.WriteLine(string.Format(inv, "rss_growth_mb: {0:F1}", Memory.RssMb() - rssBefore));
Console.WriteLine(string.Format(inv, "rss_peak_mb: {0:F1}", Memory.PeakRssMb()));
Console.WriteLine($"threads: {torch.NumThreads}");
