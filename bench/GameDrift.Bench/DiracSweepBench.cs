using System.Diagnostics;
using System.Globalization;
using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.ToyRuns;

namespace GameDrift.Bench;

/// <summary>The Dirac-GAN phase-diagram sweep (10^4 (lr_d, lr_g) configurations x 10^3 steps, with Lyapunov exponents)
/// through <see cref="ToyBenchmarks.DiracSweep"/>: one untimed call for JIT warm-up, then the median of the timed calls,
/// for both schemes; plus the autograd (tensor) path: one timing on a slice scaled to the full sweep (the older figure)
/// and one timing of the full sweep.</summary>
internal static class DiracSweepBench
{
    public static void Run(int repeats)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var scheme in new[] { SchemeKind.Simultaneous, SchemeKind.Alternating })
        {
            ToyBenchmarks.DiracSweep(1_000, 100, scheme);
            var wall = new List<double>();
            var cpu = new List<double>();
            var self = Process.GetCurrentProcess();
            for (int i = 0; i < repeats; i++)
            {
                self.Refresh();
                var cpu0 = self.TotalProcessorTime;
                wall.Add(ToyBenchmarks.DiracSweep(10_000, 1_000, scheme).Elapsed.TotalSeconds);
                self.Refresh();
                cpu.Add((self.TotalProcessorTime - cpu0).TotalSeconds);
            }
            var name = scheme.ToString().ToLowerInvariant();
            // CPU time over all threads: less disturbed by other work on a shared machine than the wall clock.
            Console.WriteLine(string.Format(inv, "dirac_sweep_{0}_s: {1:F3}", name, wall.Order().ElementAt(repeats / 2)));
            Console.WriteLine(string.Format(inv, "dirac_sweep_{0}_cpu_s: {1:F3}", name, cpu.Order().ElementAt(repeats / 2)));
        }
        // The general path (tensors + autograd), as used with drift regularisers: 10^4 configurations x 100 steps, x10.
        ToyBenchmarks.DiracSweep(1_000, 10, SchemeKind.Simultaneous, ToyBackend.Tensor);
        var t = ToyBenchmarks.DiracSweep(10_000, 100, SchemeKind.Simultaneous, ToyBackend.Tensor).Elapsed.TotalSeconds;
        Console.WriteLine(string.Format(inv, "dirac_sweep_tensor_path_estimated_s: {0:F1}", t * 10));
        // The estimate multiplies a sweep's fixed cost (set-up, the linearised spectra) by ten too: time the whole sweep.
        var full = ToyBenchmarks.DiracSweep(10_000, 1_000, SchemeKind.Simultaneous, ToyBackend.Tensor).Elapsed.TotalSeconds;
        Console.WriteLine(string.Format(inv, "dirac_sweep_tensor_path_s: {0:F2}", full));
        Console.WriteLine($"dirac_sweep_repeats: {repeats}");
        Console.WriteLine($"dirac_sweep_cores: {Environment.ProcessorCount}");
    }
}
