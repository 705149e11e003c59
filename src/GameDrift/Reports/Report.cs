namespace GameDrift.Reports;

/// <summary>Writes report.html for a run or a sweep directory (whichever it is).</summary>
public static class Report
{
    /// <summary>Builds the report of <paramref name="directory"/> and writes it to <paramref name="outPath"/>
    /// (default: report.html inside the directory). Returns the full path written.</summary>
    public static string Write(string directory, string? outPath = null, ReportOptions? options = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"no such directory: {directory}");
        var page = Build(directory, options);
        var path = Path.GetFullPath(outPath ?? Path.Combine(directory, "report.html"));
        page.Save(path);
        return path;
    }

    public static HtmlPage Build(string directory, ReportOptions? options = null)
    {
        if (SweepRecord.IsSweep(directory)) return SweepReport.Build(SweepRecord.Load(directory), options);
        if (!new[] { "metrics.csv", "config.yaml", "status.json" }.Any(f => File.Exists(Path.Combine(directory, f))))
            throw new InvalidDataException($"{directory} is neither a run directory (no metrics.csv, config.yaml or status.json) " +
                                           "nor a sweep directory (no sweep.csv, sweep.yaml or cells/)");
        if (options?.Cells is { Count: > 0 }) throw new ArgumentException("--cells applies to sweep directories only");
        return RunReport.Build(RunRecord.Load(directory), options);
    }
}
