using GameDrift.Io.Png;

namespace GameDrift.Reports;

/// <summary>The report of a sweep: the measures against the lr ratio, training curves of selected cells, the final
/// samples of every cell, sweep.csv, and per cell its sample grid and resolved config.</summary>
public static class SweepReport
{
    public static HtmlPage Build(SweepRecord sweep, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var name = Path.GetFileName(Path.GetFullPath(sweep.Directory).TrimEnd(Path.DirectorySeparatorChar));
        var page = new HtmlPage($"Sweep {name}");
        page.Heading(1, $"Sweep {name}");
        page.Paragraph($"{Path.GetFullPath(sweep.Directory)} · report written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC", "meta");
        var counts = sweep.Cells.GroupBy(c => c.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        page.Paragraph($"{sweep.Cells.Count} cells: {string.Join(", ", counts)}.");
        if (sweep.Cells.Count == 0)
        {
            page.Paragraph("The sweep has no cells yet (no sweep.csv rows and no cells/ directories).");
            return page;
        }

        RatioSection(page, sweep);
        CurvesSection(page, sweep, options);
        SamplesSection(page, sweep);
        TableSection(page, sweep);
        CellsSection(page, sweep);
        if (sweep.SweepYaml is not null) page.Details("sweep.yaml", $"<pre>{HtmlPage.Escape(sweep.SweepYaml)}</pre>");
        return page;
    }

    private static void RatioSection(HtmlPage page, SweepRecord sweep)
    {
        var measures = Measure.For(sweep);
        var ratios = sweep.Cells.Where(c => c.LrRatio is > 0).Select(c => Math.Round(Math.Log(c.LrRatio!.Value), 9)).Distinct().Count();
        page.Heading(2, ratios > 1 ? "Against the learning-rate ratio" : "Results");
        if (measures.Count == 0)
        {
            page.Paragraph("No cell has measured values yet.");
            return;
        }
        if (ratios <= 1)
        {
            // A plot against one ratio would be a column of points: the cells' values side by side read better.
            if (measures[0].StandIn)
                page.Paragraph("No image metric was measured, so the final training losses and gradient norms stand in.");
            page.Paragraph("Every cell has the same lr_d / lr_g, so the measures are listed per cell instead of plotted against the ratio.");
            page.Table(["cell", "state", .. measures.Select(m => m.YLabel)],
                sweep.Cells.Select(c => (IReadOnlyList<string>)[sweep.Label(c), c.State, .. measures.Select(m => Format.Number(m.Of(c)))]).ToList());
            return;
        }
        if (measures[0].StandIn)
            page.Paragraph("No image metric (fid_*, is_*, kid_* columns) was measured in this sweep, so the final training " +
                           "losses and gradient norms stand in. They say whether and how training settled, not how good the samples are.");
        foreach (var m in measures)
        {
            var curves = RatioPlot.Curves(sweep, m);
            if (curves.Count == 0)
            {
                page.Paragraph($"{m.Name}: no finished cell has both an lr ratio and a value.");
                continue;
            }
            var diverged = curves.Sum(c => c.Points.Sum(p => p.Diverged));
            page.Figure(RatioPlot.Render(curves, m), $"{m.Name} against lr_d / lr_g",
                $"{m.Name} against lr_d / lr_g, one line per {LineKey(sweep)}. Points: mean over the seeds at that ratio; " +
                "bars: smallest to largest seed; lines sharing a ratio are nudged apart slightly along x. " +
                (diverged > 0 ? $"Crosses at the top: ratios where seeds diverged ({diverged} cells in all), left out of the mean." : "No cell diverged."));
            page.Details($"Numbers: {HtmlPage.Escape(m.Name)}", HtmlPage.TableHtml(["line", "lr ratio", "mean", "min", "max", "seeds", "diverged"],
                curves.SelectMany(c => c.Points.Select(p => new[]
                {
                    c.Group, Format.Number(p.Ratio), Format.Number(p.Seeds > 0 ? p.Mean : null), Format.Number(p.Seeds > 0 ? p.Min : null),
                    Format.Number(p.Seeds > 0 ? p.Max : null), p.Seeds.ToString(), p.Diverged.ToString(),
                }))));
        }
    }

    private static string LineKey(SweepRecord sweep) => string.Join(" x ", sweep.GroupKeys);

    private static void CurvesSection(HtmlPage page, SweepRecord sweep, ReportOptions options)
    {
        var (cells, rule) = SelectCells(sweep, options);
        var runs = cells.Select(c => (Format.Compact(sweep, c), c.Run.Metrics!)).ToList();
        var measures = Measure.For(sweep).Where(m => !m.StandIn).Select(m => m.Column);
        var columns = TrainingCurves.Present(runs.Select(r => r.Item2), MetricColumns.Diagnostics.Concat(measures));
        page.Heading(2, "Training curves");
        if (runs.Count == 0 || columns.Count == 0)
        {
            page.Paragraph("No cell has metrics yet.");
            return;
        }
        page.Figure(TrainingCurves.Render(runs, columns, smoothing: options.Smoothing, logY: options.LogY), "training curves of selected cells", $"{rule} Cells: " +
            string.Join("; ", cells.Select(c => c.Name)) + "." + options.CurvesNote);
    }

    /// <summary>The cells whose curves are drawn: those named in the options, else per line the cell with the best
    /// value of the first image metric (or, without one, the first cell that did not diverge); at most ten.</summary>
    public static (IReadOnlyList<SweepCell> Cells, string Rule) SelectCells(SweepRecord sweep, ReportOptions options)
    {
        var withMetrics = sweep.Cells.Where(c => c.Run.Metrics is not null).ToList();
        if (options.Cells is { Count: > 0 } names)
        {
            var picked = names.Select(n => withMetrics.FirstOrDefault(c => c.Name == n || Path.GetFileName(c.Name) == n)
                ?? throw new ArgumentException($"--cells: no cell '{n}' with a metrics.csv in {sweep.Directory} " +
                    $"(cells: {string.Join(", ", sweep.Cells.Select(c => c.Name))})")).ToList();
            return (picked, "Cells chosen with --cells.");
        }
        var metric = Measure.For(sweep).FirstOrDefault(m => !m.StandIn);
        var best = withMetrics.GroupBy(sweep.Group).Select(g =>
        {
            var ok = g.Where(c => !c.Diverged).ToList();
            if (metric is null || ok.All(c => metric.Of(c) is null)) return ok.FirstOrDefault() ?? g.First();
            var ranked = ok.Where(c => metric.Of(c) is { } v && double.IsFinite(v)).OrderBy(c => metric.Of(c)!.Value);
            return MetricColumns.LowerIsBetter(metric.Column) ? ranked.First() : ranked.Last();
        }).Take(10).ToList();
        var rule = metric is null
            ? $"One cell per line ({LineKey(sweep)}): the first that did not diverge."
            : $"One cell per line ({LineKey(sweep)}): the one with the {metric.Name}.";
        return (best, rule);
    }

    private static void SamplesSection(HtmlPage page, SweepRecord sweep)
    {
        page.Heading(2, "Final samples");
        var tiles = sweep.Cells.Select(c => new MontageTile(
            $"{sweep.Label(c)}{(c.State == "finished" ? "" : $" [{c.State}{(c.DivergedStep is { } s ? $" at {s}" : "")}]")}",
            c.Run.LatestSample is { } p ? PngImage.Load(p) : null, c.Diverged || c.State == "failed")).ToList();
        page.Figure(SampleMontage.Render(tiles), "final sample grid of every cell",
            "The latest sample grid of each cell (fixed latents), labelled by its axis values; red: diverged or failed " +
            "(a diverged cell shows its last grid before the divergence).");
    }

    private static void TableSection(HtmlPage page, SweepRecord sweep)
    {
        page.Heading(2, sweep.Table is null ? "Cells" : "sweep.csv");
        if (sweep.Table is { } t)
            page.Table(t.Header, t.Rows, r => RowClass(sweep.Cells[r].State));
        else
            page.Table(["cell", "status", "step"], sweep.Cells.Select(c => (IReadOnlyList<string>)
                [c.Name, c.State, c.Run.Status?.Step.ToString() ?? ""]), r => RowClass(sweep.Cells[r].State));
    }

    private static string? RowClass(string state) => state is "diverged" or "failed" or "running" ? state : null;

    private static void CellsSection(HtmlPage page, SweepRecord sweep)
    {
        page.Heading(2, "Cells: samples and resolved configs");
        foreach (var c in sweep.Cells)
        {
            var inner = new System.Text.StringBuilder();
            if (c.Run.Status?.Message is { Length: > 0 } msg) inner.Append($"<p>{HtmlPage.Escape(msg)}</p>");
            if (c.Run.Samples.Count > 0)
            {
                var (step, path) = c.Run.Samples[^1];
                inner.Append(HtmlPage.FigureFileHtml(path, $"samples of {c.Name} at step {step}", $"samples at step {step}"));
            }
            inner.Append(c.Run.ConfigText is { } cfg ? $"<pre>{HtmlPage.Escape(cfg)}</pre>" : "<p>no config.yaml</p>");
            page.Details($"{HtmlPage.Escape(sweep.Label(c))} · {HtmlPage.StateHtml(c.State)} · <code>{HtmlPage.Escape(c.Name)}</code>", inner.ToString());
        }
    }
}
