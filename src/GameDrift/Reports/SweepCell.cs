using System.Globalization;
using GameDrift.Training;

namespace GameDrift.Reports;

/// <summary>One cell of a sweep: its run directory and its sweep.csv row (empty when the sweep has no sweep.csv).</summary>
public sealed class SweepCell(string name, RunRecord run, IReadOnlyDictionary<string, string> row)
{
    /// <summary>The cell directory relative to the sweep directory, as in sweep.csv's <c>cell</c> column.</summary>
    public string Name { get; } = name;
    public RunRecord Run { get; } = run;
    public IReadOnlyDictionary<string, string> Row { get; } = row;

    /// <summary>running, finished, diverged or failed from status.json, else sweep.csv's status, else "not started".</summary>
    public string State => Run.Status?.State ?? Cell("status") ?? "not started";

    public bool Diverged => State == RunStatus.Diverged || DivergedStep.HasValue;

    /// <summary>The step a diverged cell stopped at: from status.json when the cell has one (it is the live record;
    /// sweep.csv may lag behind), else from sweep.csv's diverged_step.</summary>
    public long? DivergedStep =>
        Run.Status is { } st ? st.State == RunStatus.Diverged ? st.Step : null
        : long.TryParse(Cell("diverged_step"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;

    /// <summary>lr_d / lr_g of the cell's config, else of sweep.csv's lr_ratio, lr_d and lr_g columns.</summary>
    public double? LrRatio => Run.LrRatio ?? Number("lr_ratio") ?? (Number("lr_d") is { } d && Number("lr_g") is { } g ? d / g : null);

    /// <summary>A config key's value: from the cell's config.yaml, else from its sweep.csv row.</summary>
    public string? Setting(string key) => Run.ConfigValue(key) ?? Cell(key);

    /// <summary>The final or best value of a metrics column: from metrics.csv, else from sweep.csv's matching column.</summary>
    public double? Value(string column, bool best)
    {
        if (Run.Metrics is { } m && m.Has(column))
            return best ? m.Best(column, MetricColumns.LowerIsBetter(column)) : m.Final(column);
        return MetricColumns.SweepColumn(column, best) is { } c ? Number(c) : null;
    }

    private string? Cell(string column) => Row.TryGetValue(column, out var v) && v.Length > 0 ? v : null;

    private double? Number(string column) =>
        double.TryParse(Cell(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
