using System.Globalization;
using GameDrift.Cli.Commands;

namespace GameDrift.Cli.Demo;

/// <summary>Part 1 of the main job: the Dirac-GAN phase diagrams (one per scheme x drift regulariser, each a
/// <c>toy-sweep</c> directory with sweep.csv and sweep.png under <c>dirac/phase-SCHEME-REG/</c>) and trajectories
/// beside the original and modified flows (<c>toy</c> directories under <c>dirac/trajectory-N-SCHEME-REG-lr_dX-lr_gY/</c>).</summary>
internal static class DiracTour
{
    public static void Run(DemoPlan.DiracPart p, string dir)
    {
        var start = string.Join(",", p.Start.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        Console.WriteLine($"part 1: Dirac-GAN phase diagrams ({p.Schemes.Count} schemes x {p.Regularisers.Count} regularisers, " +
                          $"lr_d {p.LrDRange}, ratio {p.RatioRange}, {p.Steps} steps) and {p.Trajectories.Count} trajectories");
        foreach (var scheme in p.Schemes)
            foreach (var reg in p.Regularisers)
                Quiet(() => ToySweepCommand.Run("dirac", scheme, p.LrDRange, p.RatioRange, p.Steps, start, reg == "none" ? null : reg,
                    Path.Combine(dir, $"phase-{scheme}-{reg.Replace(':', '-')}")));
        foreach (var (i, t) in p.Trajectories.Index())
            Quiet(() => ToyCommand.Run("dirac", t.Scheme, t.LrD, t.LrG, t.Steps, start, t.Reg == "none" ? null : t.Reg,
                Path.Combine(dir, $"trajectory-{i + 1}-{t.Scheme}-{t.Reg.Replace(':', '-')}-lr_d{Num(t.LrD)}-lr_g{Num(t.LrG)}")));
    }

    private static string Num(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    // The commands print their own summaries; the tour prints one line per part instead.
    private static void Quiet(Func<int> run)
    {
        var stdout = Console.Out;
        Console.SetOut(TextWriter.Null);
        try { run(); }
        finally { Console.SetOut(stdout); }
    }
}
