namespace GameDrift.Reports;

/// <summary>Choices for <see cref="Report"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>Sweep cells (names as in sweep.csv's cell column, or their last path part) whose training curves to
    /// plot; null picks the best cell of each line.</summary>
    public IReadOnlyList<string>? Cells { get; init; }

    /// <summary>Most rows of a run's metrics table shown (evenly spaced, the last always kept).</summary>
    public int MaxTableRows { get; init; } = 40;
}
