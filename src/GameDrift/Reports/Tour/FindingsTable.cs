using System.Globalization;

using GameDrift.Io.Csv;

namespace GameDrift.Reports.Tour;

/// <summary>The findings table the main job's report opens with, computed from the run's own CSV files only:
/// <c>dirac/phase-*/sweep.csv</c> (part 1), <c>mog/runs.csv</c> (part 2) and <c>fmnist/sweep.csv</c> (part 3).
/// Each claim of the paper gets one row per piece of evidence, with the verdict of <see cref="Verdicts"/>.</summary>
public static class FindingsTable
{
    public const string Simultaneous = "simultaneous", Alternating = "alternating", Co = "co";
    public const string CancelPaper = "cancel-interaction:paper", CancelSingleClock = "cancel-interaction:single-clock";
    public const string ClaimAlternating = "Alternating updates beat simultaneous updates";
    public const string ClaimCancel = "Cancelling the interaction terms improves simultaneous SGD";
    public const string ClaimNoTuning = "The regulariser needs no tuning, unlike CO/SGA";

    public static IReadOnlyList<Finding> Build(string tourDir)
    {
        var findings = new List<Finding>();
        var phases = DiracPhases(Path.Combine(tourDir, "dirac"));
        var mogPath = Path.Combine(tourDir, "mog", "runs.csv");
        var mog = File.Exists(mogPath) ? MogResults.Load(mogPath) : null;
        var images = ImageSpreads(Path.Combine(tourDir, "fmnist", "sweep.csv"));

        findings.Add(DiracRow(ClaimAlternating, phases, ("alternating", "none"), ("simultaneous", "none")));
        findings.Add(MogRow(ClaimAlternating, mog, Alternating, Simultaneous));
        findings.Add(ImageRow(ClaimAlternating, images, ("alternating", false), ("simultaneous", false)));
        foreach (var reg in phases.Keys.Where(k => k.Scheme == "simultaneous" && k.Reg != "none").Select(k => k.Reg).Order(StringComparer.Ordinal))
            findings.Add(DiracRow(ClaimCancel, phases, ("simultaneous", reg), ("simultaneous", "none")));
        findings.Add(MogRow(ClaimCancel, mog, CancelPaper, Simultaneous));
        findings.Add(MogRow(ClaimCancel, mog, CancelSingleClock, Simultaneous));
        findings.Add(ImageRow(ClaimCancel, images, ("simultaneous", true), ("simultaneous", false)));
        findings.Add(NoTuningRow(mog));
        return findings;
    }

    // ---- part 1: share of the phase diagram that does not diverge, per (scheme, drift regulariser) ----

    private sealed record Phase(int Converged, int Stable, int Total);

    private static Dictionary<(string Scheme, string Reg), Phase> DiracPhases(string dir)
    {
        var result = new Dictionary<(string, string), Phase>();
        if (!Directory.Exists(dir)) return result;
        foreach (var csv in Directory.GetDirectories(dir, "phase-*").Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "sweep.csv")).Where(File.Exists))
        {
            var t = CsvTable.Load(csv);
            foreach (var g in Enumerable.Range(0, t.Rows.Count).GroupBy(r => (t.Get(r, "scheme")!, t.Get(r, "regulariser")!)))
                if (g.Key.Item2 == "none" || g.Key.Item2.StartsWith("cancel-interaction", StringComparison.Ordinal))
                    result[g.Key] = new Phase(g.Count(r => t.Get(r, "verdict") == "converged"),
                        g.Count(r => t.Get(r, "verdict") is "converged" or "cycling"), g.Count());
        }
        return result;
    }

    private static Finding DiracRow(string claim, Dictionary<(string, string), Phase> phases, (string Scheme, string Reg) a, (string Scheme, string Reg) b)
    {
        const string evidence = "Dirac-GAN, exact (part 1): share of the (lr_d, lr_d/lr_g) diagram that does not diverge (converged or cycling)";
        if (!phases.TryGetValue(a, out var pa) || !phases.TryGetValue(b, out var pb))
            return new Finding(claim, evidence, "not measured in this run", Verdicts.NotResolved);
        static string Share(Phase p) => $"{p.Stable}/{p.Total} ({100.0 * p.Stable / p.Total:0.#} %; converged {p.Converged})";
        static string Label((string Scheme, string Reg) k) => k.Reg == "none" ? k.Scheme : $"{k.Scheme} + {k.Reg}";
        return new Finding(claim, evidence, $"{Label(a)} {Share(pa)} vs {Label(b)} {Share(pb)}; deterministic, no seeds",
            Verdicts.CompareExact((double)pa.Stable / pa.Total, (double)pb.Stable / pb.Total));
    }

    // ---- part 2: modes covered per learning rate, over seeds ----

    private static Finding MogRow(string claim, MogResults? mog, string a, string b)
    {
        const string evidence = "ring of 8 Gaussians, MLPs, plain SGD (part 2): modes covered, mean over the second half of each run";
        if (mog is null || mog.Settings(a).Count == 0 || mog.Settings(b).Count == 0)
            return new Finding(claim, evidence, $"{a} vs {b}: not measured in this run", Verdicts.NotResolved);
        var settings = mog.Settings(a).Intersect(mog.Settings(b)).ToList();
        if (settings.Count == 0)
            return new Finding(claim, evidence, $"{a} vs {b}: not measured at a shared learning rate and ratio in this run", Verdicts.NotResolved);
        var parts = settings.Select(x =>
            $"lr {F(x.Lr)}{(Math.Abs(x.Ratio - 1) < 1e-9 ? "" : $" (lr_d/lr_g {F(x.Ratio)})")}: {Modes(mog, a, x)} vs {Modes(mog, b, x)} modes, " +
            $"high quality {Hq(mog, a, x)} vs {Hq(mog, b, x)}, diverged {mog.Divergence(a, x.Lr, x.Ratio)} vs {mog.Divergence(b, x.Lr, x.Ratio)}");
        return new Finding(claim, evidence, $"{a} vs {b} (mean [min–max] over seeds): " + string.Join("; ", parts),
            Verdicts.Compare(settings.Select(x => (mog.Modes(a, x.Lr, x.Ratio), mog.Modes(b, x.Lr, x.Ratio))), lowerIsBetter: false));
    }

    private static string Modes(MogResults m, string method, (double Lr, double Ratio) x) => m.Modes(method, x.Lr, x.Ratio)?.Text() ?? "–";
    private static string Hq(MogResults m, string method, (double Lr, double Ratio) x) => m.HighQuality(method, x.Lr, x.Ratio) is { } s
        ? new SeedSpread(s.N, 100 * s.Mean, 100 * s.Min, 100 * s.Max).Text("0") + " %" : "–";

    /// <summary>At the learning rate where CO was also run at other coefficients: the drift regulariser (no
    /// coefficient to set) against CO at its tuned coefficient, and CO's sensitivity to that coefficient.</summary>
    private static Finding NoTuningRow(MogResults? mog)
    {
        const string evidence = "ring of 8 Gaussians (part 2): cancel-interaction (no coefficient) vs CO at its tuned and at other coefficients";
        var others = mog?.Methods.Where(m => m.StartsWith(Co + "@", StringComparison.Ordinal)).ToList() ?? [];
        var lr = others.Count == 0 ? (double?)null : mog!.Rows.First(r => r.Method == others[0]).LrD;
        if (mog is null || lr is not { } at || mog.Modes(Co, at) is null || mog.Modes(CancelPaper, at) is null)
            return new Finding(ClaimNoTuning, evidence, "not measured in this run", Verdicts.NotResolved);
        var tuned = mog.Rows.First(r => r.Method == Co).Regularisers;
        var ci = mog.Modes(CancelPaper, at)!;
        var co = mog.Modes(Co, at)!;
        var coOthers = others.Select(m => (Name: mog.Rows.First(r => r.Method == m).Regularisers, Spread: mog.Modes(m, at))).ToList();
        var enough = ci.N >= Verdicts.MinSeeds && co.N >= Verdicts.MinSeeds;
        var ciWorse = enough && co.SeparatedAbove(ci, false);
        var coSensitive = enough && coOthers.Any(o => o.Spread is { N: >= Verdicts.MinSeeds } s && co.SeparatedAbove(s, false));
        var verdict = ciWorse ? Verdicts.NotSupported : coSensitive ? Verdicts.Supported : Verdicts.NotResolved;
        var measured = $"lr {F(at)}, modes covered: {CancelPaper} {ci.Text()} (diverged {mog.Divergence(CancelPaper, at)}); " +
                       $"CO {tuned} (tuned on other seeds) {co.Text()} (diverged {mog.Divergence(Co, at)}); " +
                       string.Join("; ", coOthers.Select(o => $"CO {o.Name} {o.Spread?.Text() ?? "–"}")) +
                       (verdict == Verdicts.NotResolved ? " (CO's ranges overlap across its coefficients, or the drift regulariser overlaps CO)" : "");
        return new Finding(ClaimNoTuning, evidence, measured, verdict);
    }

    // ---- part 3: best FID under the data set's classifier, per setup ----

    private static (string Column, Dictionary<(string, bool), SeedSpread?> Spreads)? ImageSpreads(string csv)
    {
        if (!File.Exists(csv)) return null;
        var t = CsvTable.Load(csv);
        var column = t.Header.FirstOrDefault(h => h.StartsWith("best_fid_", StringComparison.Ordinal));
        if (column is null) return null;
        var groups = Enumerable.Range(0, t.Rows.Count)
            .Where(r => t.Get(r, "status") is "finished")
            .GroupBy(r => (t.Get(r, "scheme") ?? "", (t.Get(r, "regularisers") ?? "") is var g && g.StartsWith("cancel-interaction", StringComparison.Ordinal)))
            .ToDictionary(g => g.Key, g => SeedSpread.Of(g.Select(r => double.TryParse(t.Get(r, column), NumberStyles.Float,
                CultureInfo.InvariantCulture, out var v) ? v : double.NaN)));
        return (column, groups);
    }

    private static Finding ImageRow(string claim, (string Column, Dictionary<(string, bool), SeedSpread?> Spreads)? images,
        (string, bool) a, (string, bool) b)
    {
        const string evidence = "Fashion-MNIST GAN (part 3): best FID under the data set's classifier (lower is better)";
        if (images is not { } im || !im.Spreads.TryGetValue(a, out var sa) || !im.Spreads.TryGetValue(b, out var sb) || sa is null || sb is null)
            return new Finding(claim, evidence, "not measured in this run", Verdicts.NotResolved);
        var verdict = Verdicts.Compare([(sa, sb)], lowerIsBetter: true);
        var seeds = Math.Min(sa.N, sb.N);
        return new Finding(claim, evidence,
            $"{ImageLabel(a)} {sa.Text("0.#")} vs {ImageLabel(b)} {sb.Text("0.#")} ({im.Column[5..]}, " +
            $"{seeds} seed{(seeds == 1 ? "" : "s")}{(seeds < Verdicts.MinSeeds ? $"; fewer than {Verdicts.MinSeeds} seeds cannot resolve a difference" : "")})",
            verdict);
    }

    private static string ImageLabel((string Scheme, bool Cancel) k) => k.Cancel ? k.Scheme + " + cancel-interaction" : k.Scheme;

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
