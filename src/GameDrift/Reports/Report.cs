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
        SavePlots(page, Path.Combine(Path.GetDirectoryName(path)!, "plots"));
        return path;
    }

    /// <summary>Writes the page's drawn figures as <c>plots/NN-name.png</c> beside the report (the set is rewritten).</summary>
    public static IReadOnlyList<string> SavePlots(HtmlPage page, string plotsDirectory)
    {
        if (Directory.Exists(plotsDirectory))
            foreach (var old in Directory.GetFiles(plotsDirectory, "*.png")) File.Delete(old);
        Directory.CreateDirectory(plotsDirectory);
        var paths = new List<string>();
        foreach (var (i, (alt, png)) in page.Figures.Index())
        {
            var slug = new string(alt.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
            while (slug.Contains("--")) slug = slug.Replace("--", "-");
            var path = Path.Combine(plotsDirectory, $"{i + 1:D2}-{slug.Trim('-')}.png");
            File.WriteAllBytes(path, png);
            paths.Add(path);
        }
        return paths;
    }

    public static HtmlPage Build(string directory, ReportOptions? options = null)
    {
        if (Tour.TourReport.IsTour(directory)) return Tour.TourReport.Build(directory);
        if (SweepRecord.IsSweep(directory)) return SweepReport.Build(SweepRecord.Load(directory), options);
        if (!new[] { "metrics.csv", "config.yaml", "status.json" }.Any(f => File.Exists(Path.Combine(directory, f))))
            throw new InvalidDataException($"{directory} is neither a run directory (no metrics.csv, config.yaml or status.json) " +
                                           "nor a sweep directory (no sweep.csv, sweep.yaml or cells/)");
        if (options?.Cells is { Count: > 0 }) throw new ArgumentException("--cells applies to sweep directories only");
        return RunReport.Build(RunRecord.Load(directory), options);
    }
}
