using System.Globalization;
using GameDrift.Io.Csv;

namespace GameDrift.Reports.Tour;

/// <summary>One row of the ring-of-Gaussians runs.csv, scored by the mean over the measurements of the run's second half
/// (<c>modes_covered_late</c>, <c>high_quality_late</c>). A diverged run scores 0 modes and 0 high-quality samples; a
/// failed or pending one has no score.</summary>
public sealed record MogResult(string Cell, string Method, string Scheme, string Regularisers, double LrD, double LrG, string Seed, string Status,
    double? Modes, double? HighQuality)
{
    public double Ratio => LrD / LrG;
    public bool Diverged => Status == "diverged";
    public bool Scored => Status is "finished" or "diverged";
    public double ScoreModes => Diverged ? 0 : Modes ?? double.NaN;
    public double ScoreHq => Diverged ? 0 : HighQuality ?? double.NaN;
}

/// <summary>The part-2 table (<c>mog/runs.csv</c>) as results, grouped the way the findings and the plots read them.</summary>
public sealed class MogResults(IReadOnlyList<MogResult> rows)
{
    public IReadOnlyList<MogResult> Rows { get; } = rows;

    public static MogResults Load(string path)
    {
        var t = CsvTable.Load(path);
        string Cell(int r, string c) => t.Get(r, c) ?? throw new InvalidDataException($"{path}: no column '{c}'");
        double? Num(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        double Req(int r, string c) => Num(Cell(r, c)) ?? throw new InvalidDataException($"{path}: row {r + 2}: '{c}' is not a number");
        return new MogResults(Enumerable.Range(0, t.Rows.Count).Select(r => new MogResult(Cell(r, "cell"), Cell(r, "method"), Cell(r, "scheme"),
            Cell(r, "regularisers"), Req(r, "lr_d"), Req(r, "lr_g"), Cell(r, "seed"), Cell(r, "status"),
            Num(Cell(r, "modes_covered_late")), Num(Cell(r, "high_quality_late")))).ToList());
    }

    /// <summary>The learning rates at which <paramref name="method"/> ran with lr_d = lr_g, ascending.</summary>
    public IReadOnlyList<double> Lrs(string method) =>
        Rows.Where(r => r.Method == method && IsOne(r.Ratio)).Select(r => r.LrD).Distinct().Order().ToList();

    /// <summary>Every (lr_d, lr_d/lr_g) at which <paramref name="method"/> ran, by ratio then lr.</summary>
    public IReadOnlyList<(double Lr, double Ratio)> Settings(string method) =>
        Rows.Where(r => r.Method == method).Select(r => (r.LrD, Ratio: Math.Round(r.Ratio, 9))).Distinct()
            .OrderBy(x => x.Ratio).ThenBy(x => x.LrD).ToList();

    public IReadOnlyList<string> Methods => Rows.Select(r => r.Method).Distinct().ToList();

    /// <summary>The scored seeds of <paramref name="method"/> at lr_d = <paramref name="lr"/> and lr_d/lr_g = <paramref name="ratio"/>.</summary>
    public IReadOnlyList<MogResult> Cell(string method, double lr, double ratio = 1) =>
        Rows.Where(r => r.Method == method && r.Scored && Same(r.LrD, lr) && Same(r.Ratio, ratio)).ToList();

    public SeedSpread? Modes(string method, double lr, double ratio = 1) => SeedSpread.Of(Cell(method, lr, ratio).Select(r => r.ScoreModes));
    public SeedSpread? HighQuality(string method, double lr, double ratio = 1) => SeedSpread.Of(Cell(method, lr, ratio).Select(r => r.ScoreHq));

    /// <summary>"k/n" diverged among the scored seeds.</summary>
    public string Divergence(string method, double lr, double ratio = 1)
    {
        var c = Cell(method, lr, ratio);
        return $"{c.Count(r => r.Diverged)}/{c.Count}";
    }

    private static bool IsOne(double x) => Same(x, 1);
    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));
}
