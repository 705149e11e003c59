namespace GameDrift.Reports;

/// <summary>Choices for <see cref="Report"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>Sweep cells (names as in sweep.csv's cell column, or their last path part) whose training curves to
    /// plot; null picks the best cell of each line.</summary>
    public IReadOnlyList<string>? Cells { get; init; }

    /// <summary>Most rows of a run's metrics table shown (evenly spaced, the last always kept).</summary>
    public int MaxTableRows { get; init; } = 40;

    /// <summary>Training-curve smoothing: the exponential moving average's weight on the past, 0 (none) to below 1.</summary>
    public double Smoothing { get; init; }

    /// <summary>Training curves on a log y axis (columns with only positive values spanning a decade or more).</summary>
    public bool LogY { get; init; }

    /// <summary>What the curves show beyond the raw values, for a caption: "" when neither option is on.</summary>
    public string CurvesNote => (Smoothing > 0 ? $" Smoothed (moving average, weight {Smoothing:0.##} on the past)." : "")
        + (LogY ? " Log y axis where a column is positive and spans a decade or more." : "");
}
