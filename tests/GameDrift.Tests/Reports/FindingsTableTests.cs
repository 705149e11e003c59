using GameDrift.Reports;
using GameDrift.Reports.Tour;

namespace GameDrift.Tests.Reports;

/// <summary>The main job's findings table is computed from the run's CSV files: written here by hand, then edited,
/// the verdicts and the measured numbers follow the files.</summary>
public class FindingsTableTests
{
    private const string RunsHeader = "cell,method,scheme,regularisers,lr_d,lr_g,lr_ratio,seed,status,step,modes_covered,high_quality_fraction,modes_covered_late,high_quality_late,wall_time";

    [Fact]
    public void VerdictsFollowTheRingRunsCsv()
    {
        using var tmp = new TempDirectory();
        // Alternating covers 5-7 modes, simultaneous 1-2 (one seed diverged): all seeds apart, so "supported".
        WriteRuns(tmp, Runs("alternating", "alternating", "none", 0.1, [5, 6, 7]).Concat(Runs("simultaneous", "simultaneous", "none", 0.1, [1, 2, -1])));
        var row = Row(tmp, FindingsTable.ClaimAlternating, "ring");
        Assert.Equal(Verdicts.Supported, row.Verdict);
        Assert.Contains("6 [5–7] vs 1 [0–2] modes", row.Measured);
        Assert.Contains("diverged 0/3 vs 1/3", row.Measured);

        // One alternating seed now covers 1 mode: the ranges overlap, nothing is resolved.
        WriteRuns(tmp, Runs("alternating", "alternating", "none", 0.1, [1, 6, 7]).Concat(Runs("simultaneous", "simultaneous", "none", 0.1, [1, 2, -1])));
        row = Row(tmp, FindingsTable.ClaimAlternating, "ring");
        Assert.Equal(Verdicts.NotResolved, row.Verdict);
        Assert.Contains("4.67 [1–7] vs 1 [0–2] modes", row.Measured);

        // Simultaneous above alternating at every seed: the claim is not supported.
        WriteRuns(tmp, Runs("alternating", "alternating", "none", 0.1, [0, 0, 1]).Concat(Runs("simultaneous", "simultaneous", "none", 0.1, [3, 4, 5])));
        Assert.Equal(Verdicts.NotSupported, Row(tmp, FindingsTable.ClaimAlternating, "ring").Verdict);

        // Two seeds a side are too few to call a difference.
        WriteRuns(tmp, Runs("alternating", "alternating", "none", 0.1, [7, 8]).Concat(Runs("simultaneous", "simultaneous", "none", 0.1, [0, 0])));
        Assert.Equal(Verdicts.NotResolved, Row(tmp, FindingsTable.ClaimAlternating, "ring").Verdict);
    }

    [Fact]
    public void SettingsAtOtherLrRatiosCountWhenBothMethodsRanThere()
    {
        using var tmp = new TempDirectory();
        // Overlap at lr_d = lr_g; at lr_d/lr_g = 2 every cancel-interaction seed beats every simultaneous one.
        WriteRuns(tmp, Runs(FindingsTable.CancelPaper, "simultaneous", "cancel-interaction:paper", 0.2, [1, 2, 3])
            .Concat(Runs("simultaneous", "simultaneous", "none", 0.2, [1, 2, 3]))
            .Concat(Runs(FindingsTable.CancelPaper, "simultaneous", "cancel-interaction:paper", 0.2, [4, 4, 5], ratio: 2))
            .Concat(Runs("simultaneous", "simultaneous", "none", 0.2, [0, 1, -1], ratio: 2))
            .Concat(Runs("alternating", "alternating", "none", 0.2, [8, 8, 8], ratio: 0.5)));
        var row = Row(tmp, FindingsTable.ClaimCancel, "ring");
        Assert.Equal(Verdicts.Supported, row.Verdict);
        Assert.Contains("lr 0.2 (lr_d/lr_g 2): 4.33 [4–5] vs 0.33 [0–1] modes", row.Measured);
        // Alternating ran only at a ratio simultaneous did not: no shared setting, nothing measured.
        Assert.Contains("not measured", Row(tmp, FindingsTable.ClaimAlternating, "ring").Measured);
    }

    [Fact]
    public void TheNoTuningClaimNeedsCoToBeSensitiveAndTheRegulariserNotWorse()
    {
        using var tmp = new TempDirectory();
        IEnumerable<string> Common(int[] ci, int[] coOff) =>
            Runs(FindingsTable.CancelPaper, "simultaneous", "cancel-interaction:paper", 0.1, ci)
                .Concat(Runs("co", "simultaneous", "co=0.1", 0.1, [4, 5, 5]))
                .Concat(Runs("co@1", "simultaneous", "co=1", 0.1, coOff));
        WriteRuns(tmp, Common([4, 5, 6], [0, 1, 2]));
        var row = Row(tmp, FindingsTable.ClaimNoTuning, "ring");
        Assert.Equal(Verdicts.Supported, row.Verdict);
        Assert.Contains("CO co=1 1 [0–2]", row.Measured);

        WriteRuns(tmp, Common([4, 5, 6], [4, 5, 6]));   // CO does as well at the other coefficient
        Assert.Equal(Verdicts.NotResolved, Row(tmp, FindingsTable.ClaimNoTuning, "ring").Verdict);
        WriteRuns(tmp, Common([0, 1, 2], [0, 1, 2]));   // the regulariser is worse than tuned CO
        Assert.Equal(Verdicts.NotSupported, Row(tmp, FindingsTable.ClaimNoTuning, "ring").Verdict);
    }

    [Fact]
    public void DiracRowsCountTheVerdictsOfThePhaseDiagrams()
    {
        using var tmp = new TempDirectory();
        WritePhase(tmp, "simultaneous", "none", ["diverged", "diverged", "cycling", "diverged"]);
        WritePhase(tmp, "alternating", "none", ["cycling", "cycling", "converged", "diverged"]);
        var row = Row(tmp, FindingsTable.ClaimAlternating, "Dirac");
        Assert.Equal(Verdicts.Supported, row.Verdict);
        Assert.Contains("alternating 3/4 (75 %; converged 1) vs simultaneous 1/4 (25 %; converged 0)", row.Measured);

        WritePhase(tmp, "alternating", "none", ["diverged", "diverged", "diverged", "diverged"]);
        Assert.Equal(Verdicts.NotSupported, Row(tmp, FindingsTable.ClaimAlternating, "Dirac").Verdict);
    }

    [Fact]
    public void ImageRowsNeedThreeSeeds()
    {
        using var tmp = new TempDirectory();
        Directory.CreateDirectory(tmp.Combine("fmnist"));
        File.WriteAllLines(tmp.Combine("fmnist", "sweep.csv"),
        [
            "cell,scheme,regularisers,status,step,diverged_step,final_fid_c,best_fid_c,final_loss_d,final_loss_g",
            "a,simultaneous,cancel-interaction,finished,10,,50,40,1,1",
            "b,simultaneous,none,finished,10,,70,60,1,1",
            "c,alternating,none,finished,10,,30,20,1,1",
        ]);
        var row = Row(tmp, FindingsTable.ClaimAlternating, "Fashion-MNIST");
        Assert.Equal(Verdicts.NotResolved, row.Verdict);
        Assert.Contains("alternating 20 vs simultaneous 60 (fid_c, 1 seed;", row.Measured);
        Assert.Contains("simultaneous + cancel-interaction 40 vs simultaneous 60", Row(tmp, FindingsTable.ClaimCancel, "Fashion-MNIST").Measured);
    }

    [Fact]
    public void MissingPartsAreNotMeasuredRatherThanGuessed()
    {
        using var tmp = new TempDirectory();
        var rows = FindingsTable.Build(tmp.Path);
        Assert.All(rows, r => Assert.Equal(Verdicts.NotResolved, r.Verdict));
        Assert.All(rows, r => Assert.Contains("not measured", r.Measured));
    }

    [Fact]
    public void TheTourReportOpensWithTheFindingsTable()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.Combine(TourReport.PlanFile), "workers: 2\n");
        WriteRuns(tmp, Runs("alternating", "alternating", "none", 0.1, [5, 6, 7]).Concat(Runs("simultaneous", "simultaneous", "none", 0.1, [1, 2, -1])));
        var html = Report.Build(tmp.Path).ToString();
        HtmlChecks.AssertBalanced(html);
        var findings = html.IndexOf("<h2>Findings</h2>", StringComparison.Ordinal);
        Assert.True(findings > 0 && findings < html.IndexOf("<h2>Part 1", StringComparison.Ordinal));
        Assert.Contains("6 [5–7] vs 1 [0–2] modes", html);
        Assert.Contains("ring modes covered against lr", html);
    }

    private static Finding Row(TempDirectory tmp, string claim, string evidence) =>
        FindingsTable.Build(tmp.Path).Single(f => f.Claim == claim && f.Evidence.Contains(evidence, StringComparison.Ordinal)
                                                  && (evidence != "ring" || claim != FindingsTable.ClaimCancel || f.Measured.StartsWith(FindingsTable.CancelPaper, StringComparison.Ordinal)));

    /// <summary>runs.csv rows of one method at one lr; a negative value of modes marks a diverged seed.</summary>
    private static IEnumerable<string> Runs(string method, string scheme, string reg, double lr, int[] modes, double ratio = 1) =>
        modes.Select((m, seed) => string.Join(",", $"{method}-r{ratio}-s{seed}", method, scheme, reg, lr, lr / ratio, ratio, seed,
            // The last measurement (0 modes) differs from the second-half mean the findings score.
            m < 0 ? "diverged" : "finished", m < 0 ? 50 : 100, 0, 0, m < 0 ? 0 : m, m < 0 ? 0 : 0.5, 1));

    private static void WriteRuns(TempDirectory tmp, IEnumerable<string> rows)
    {
        Directory.CreateDirectory(tmp.Combine("mog"));
        File.WriteAllLines(tmp.Combine("mog", "runs.csv"), [RunsHeader, .. rows]);
    }

    private static void WritePhase(TempDirectory tmp, string scheme, string reg, string[] verdicts)
    {
        var dir = tmp.Combine("dirac", $"phase-{scheme}-{reg}");
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, "sweep.csv"),
            ["lr_d,lr_g,scheme,regulariser,final_distance,verdict,lyapunov,predicted_paper,predicted_single_clock",
             .. verdicts.Select((v, i) => $"0.{i + 1},0.1,{scheme},{reg},1,{v},0,stable,stable")]);
    }
}
