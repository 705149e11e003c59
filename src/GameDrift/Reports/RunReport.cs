namespace GameDrift.Reports;

/// <summary>The report of one run: status, training curves of every metrics column, sample grids (the latest and a
/// few earlier ones), a summary and an excerpt of metrics.csv, the resolved config and the end of log.txt.</summary>
public static class RunReport
{
    /// <summary>Sample grids shown: the latest and up to this many before it, evenly spaced.</summary>
    public const int GridsShown = 4;

    public static HtmlPage Build(RunRecord run, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var name = Path.GetFileName(Path.GetFullPath(run.Directory).TrimEnd(Path.DirectorySeparatorChar));
        var page = new HtmlPage($"Run {name}");
        page.Heading(1, $"Run {name}");
        page.Paragraph($"{Path.GetFullPath(run.Directory)} · report written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC", "meta");
        var state = run.Status?.State ?? "unknown (no status.json)";
        page.Raw($"<p>Status: {HtmlPage.StateHtml(state)}{(run.Status is { } s ? $" at step {s.Step}" : "")}" +
                 $"{(run.Status?.Message is { Length: > 0 } m ? $" · {HtmlPage.Escape(m)}" : "")}</p>");

        if (run.Metrics is { } metrics)
        {
            var columns = TrainingCurves.Present([metrics], metrics.Columns);
            page.Heading(2, "Training curves");
            if (columns.Count > 0)
                page.Figure(TrainingCurves.Render([(name, metrics)], columns, panelColumns: 3, panelWidth: 440, panelHeight: 300,
                        options.Smoothing, options.LogY),
                    "training curves", "Every metrics.csv column against step." + options.CurvesNote);
            else
                page.Paragraph("metrics.csv has no values yet.");
        }
        else page.Paragraph("No metrics.csv.");

        if (run.Samples.Count > 0)
        {
            page.Heading(2, "Samples");
            page.Raw("<div class=\"grids\">");
            foreach (var (step, path) in Pick(run.Samples, GridsShown).Reverse())
                page.FigureFile(path, $"samples at step {step}", $"step {step}{(path == run.LatestSample ? " (latest)" : "")}");
            page.Raw("</div>");
        }

        if (run.Metrics is { Rows.Count: > 0 } table)
        {
            page.Heading(2, "Metrics");
            page.Table(["column", "final", "min", "max", "best"], table.Columns.Select(c =>
            {
                var v = table.Series(c).Values.Where(double.IsFinite).ToArray();
                var best = MetricColumns.IsImageMetric(c) ? Format.Number(table.Best(c, MetricColumns.LowerIsBetter(c))) : "";
                return (IReadOnlyList<string>)[c, Format.Number(table.Final(c)), Format.Number(v.Length > 0 ? v.Min() : null),
                    Format.Number(v.Length > 0 ? v.Max() : null), best];
            }));
            var rows = Pick(Enumerable.Range(0, table.Rows.Count).ToList(), options.MaxTableRows);
            page.Paragraph(rows.Count < table.Rows.Count
                ? $"metrics.csv: {rows.Count} of {table.Rows.Count} rows, evenly spaced, the last included."
                : $"metrics.csv: all {table.Rows.Count} rows.");
            page.Table(["step", .. table.Columns], rows.Select(r => (IReadOnlyList<string>)
                [table.Steps[r].ToString(), .. table.Rows[r].Select(Format.Number)]));
        }

        page.Heading(2, "Config");
        page.Raw(run.ConfigText is { } cfg ? $"<pre>{HtmlPage.Escape(cfg)}</pre>" : "<p>No config.yaml.</p>");
        var log = Path.Combine(run.Directory, "log.txt");
        if (File.Exists(log))
        {
            var lines = File.ReadAllLines(log);
            page.Details($"log.txt (last {Math.Min(lines.Length, 40)} of {lines.Length} lines)",
                $"<pre>{HtmlPage.Escape(string.Join("\n", lines.TakeLast(40)))}</pre>");
        }
        return page;
    }

    /// <summary>At most <paramref name="count"/> items evenly spaced over <paramref name="items"/>, always with the last.</summary>
    public static IReadOnlyList<T> Pick<T>(IReadOnlyList<T> items, int count)
    {
        if (items.Count <= count) return items;
        if (count <= 1) return [items[^1]];
        return Enumerable.Range(0, count).Select(i => (int)Math.Round((double)i * (items.Count - 1) / (count - 1)))
            .Distinct().Select(i => items[i]).ToList();
    }
}
