namespace GameDrift.Reports;

/// <summary>Names of metrics.csv columns a report cares about. Image metrics are <c>&lt;metric&gt;_&lt;extractor&gt;</c>
/// with metric fid, is or kid (e.g. <c>fid_inception</c>, <c>is_fashion-mnist-classifier</c>); FID and KID are
/// better when lower, IS when higher.</summary>
public static class MetricColumns
{
    /// <summary>Training diagnostics shown as stand-ins when no image metric was measured, and as curves.</summary>
    public static IReadOnlyList<string> Diagnostics { get; } = ["loss_d", "loss_g", "grad_d_loss_d", "grad_g_loss_g"];

    public static bool IsImageMetric(string column) =>
        column.StartsWith("fid_", StringComparison.Ordinal) || column.StartsWith("is_", StringComparison.Ordinal)
        || column.StartsWith("kid_", StringComparison.Ordinal);

    public static bool LowerIsBetter(string column) => !column.StartsWith("is_", StringComparison.Ordinal);

    /// <summary>"FID (inception)" for <c>fid_inception</c>; other columns unchanged.</summary>
    public static string Describe(string column)
    {
        if (!IsImageMetric(column)) return column;
        var cut = column.IndexOf('_');
        return $"{column[..cut].ToUpperInvariant()} ({column[(cut + 1)..]})";
    }

    /// <summary>The sweep.csv column that stands in for a metrics.csv column when a cell has no metrics.csv.</summary>
    public static string? SweepColumn(string column, bool best) => column switch
    {
        _ when IsImageMetric(column) => (best ? "best_" : "final_") + column,
        "loss_d" when !best => "final_loss_d",
        "loss_g" when !best => "final_loss_g",
        _ => null,
    };
}
