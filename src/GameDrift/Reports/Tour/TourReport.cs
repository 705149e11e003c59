using System.Globalization;
using GameDrift.Io.Png;

namespace GameDrift.Reports.Tour;

/// <summary>report.html of the main job (a directory with <c>demo.yaml</c>): the findings table first, then part 1
/// (the Dirac-GAN phase diagrams and trajectories), part 2 (the ring of Gaussians over learning rates and seeds) and
/// part 3 (Fashion-MNIST sample grids and image metrics). Every number is read from the run's CSV files.</summary>
public static class TourReport
{
    public const string PlanFile = "demo.yaml";

    public static bool IsTour(string directory) => File.Exists(Path.Combine(directory, PlanFile));

    public static HtmlPage Build(string dir)
    {
        var page = new HtmlPage("GameDrift: discretisation drift at work");
        page.Heading(1, "Discretisation drift at work");
        page.Paragraph($"{Path.GetFullPath(dir)} · report written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · settings: {PlanFile} (below)", "meta");
        FindingsSection(page, dir);
        DiracSection(page, Path.Combine(dir, "dirac"));
        MogSection(page, Path.Combine(dir, "mog"));
        ImagesSection(page, Path.Combine(dir, "fmnist"));
        page.Details(PlanFile, $"<pre>{HtmlPage.Escape(File.ReadAllText(Path.Combine(dir, PlanFile)))}</pre>");
        return page;
    }

    private static void FindingsSection(HtmlPage page, string dir)
    {
        page.Heading(2, "Findings");
        page.Paragraph("Each claim of the paper against what this run measured. Rule for the seeded parts: a method is better " +
                       $"when at some learning rate all its seeds beat all seeds of the other (min–max ranges apart) and nowhere the reverse; " +
                       $"reverse: not supported; overlap, or each better somewhere, or fewer than {Verdicts.MinSeeds} seeds: not resolved at this size. " +
                       "A diverged run counts as 0 modes. Nothing was tuned on the reported seeds (docs/main-job.md).");
        page.Table(["claim", "evidence", "measured", "verdict"],
            FindingsTable.Build(dir).Select(f => (IReadOnlyList<string>)[f.Claim, f.Evidence, f.Measured, f.Verdict]).ToList());
        // Long "measured" texts must wrap: the table style keeps cells on one line for sweep tables.
        page.Raw("<style>table td { white-space: normal; vertical-align: top; }</style>");
    }

    private static void DiracSection(HtmlPage page, string dir)
    {
        page.Heading(2, "Part 1: the Dirac-GAN");
        if (!Directory.Exists(dir)) { page.Paragraph("Not run."); return; }
        page.Paragraph("D(x) = phi x, G = theta, data at 0, zero-sum loss, float64. Each diagram: the verdict of every " +
                       "(lr_d, lr_d/lr_g) run from the same start, with the stability boundaries predicted by the modified " +
                       "Jacobians (paper and single-clock coefficients) drawn over it. Simultaneous gradient descent spirals out " +
                       "at every learning rate; alternating updates and cancelling the interaction terms change that.");
        var grid = new System.Text.StringBuilder("<div class=\"grids\">");
        foreach (var d in Directory.GetDirectories(dir, "phase-*").Order(StringComparer.Ordinal))
            if (File.Exists(Path.Combine(d, "sweep.png")))
                grid.Append(HtmlPage.FigureFileHtml(Path.Combine(d, "sweep.png"), Path.GetFileName(d), Path.GetFileName(d) + " (sweep.csv beside it)"));
        page.Raw(grid.Append("</div>").ToString());
        page.Paragraph("Trajectories: the iterates beside the original flow and the modified flows; the iterates follow the modified flow.");
        grid = new System.Text.StringBuilder("<div class=\"grids\">");
        foreach (var d in Directory.GetDirectories(dir, "trajectory-*").Order(StringComparer.Ordinal))
            if (File.Exists(Path.Combine(d, "trajectory.png")))
                grid.Append(HtmlPage.FigureFileHtml(Path.Combine(d, "trajectory.png"), Path.GetFileName(d), Path.GetFileName(d)));
        page.Raw(grid.Append("</div>").ToString());
    }

    private static void MogSection(HtmlPage page, string dir)
    {
        page.Heading(2, "Part 2: a ring of 8 Gaussians with MLPs");
        var csv = Path.Combine(dir, "runs.csv");
        if (!File.Exists(csv)) { page.Paragraph("Not run."); return; }
        var m = MogResults.Load(csv);
        page.Paragraph("Plain SGD; each method at its learning rates (lr_d = lr_g unless the table says otherwise) and every seed. " +
                       "Modes covered: modes with at least 20 of 2,500 samples within 3 standard deviations; high quality: the share of " +
                       "samples within 3 standard deviations of a mode. Both are averaged over the measurements of each run's second half, " +
                       "since a single measurement swings by several modes from one evaluation to the next.");
        page.Figure(MogPlot.Render(m, (r, x, lr) => r.Modes(x, lr), "modes covered (of 8)", 8), "ring modes covered against lr",
            "Modes covered (mean over the second half of each run); points: mean over seeds, bars: smallest to largest seed (diverged seeds count as 0).");
        page.Figure(MogPlot.Render(m, (r, x, lr) => r.HighQuality(x, lr), "high-quality fraction", 1), "ring high-quality fraction against lr",
            "High-quality fraction (mean over the second half of each run), as above.");
        var groups = m.Rows.GroupBy(r => (r.Method, r.LrD, r.LrG)).ToList();
        page.Table(["method", "regularisers", "lr_d", "lr_d / lr_g", "seeds", "modes covered", "high quality %", "diverged"],
            groups.Select(g =>
            {
                var (method, lrD, ratio) = (g.Key.Method, g.Key.LrD, g.Key.LrD / g.Key.LrG);
                var hq = m.HighQuality(method, lrD, ratio);
                return (IReadOnlyList<string>)[method, g.First().Regularisers, Format.Number(lrD), Format.Number(ratio), m.Cell(method, lrD, ratio).Count.ToString(CultureInfo.InvariantCulture),
                    m.Modes(method, lrD, ratio)?.Text() ?? "–", hq is null ? "–" : new SeedSpread(hq.N, 100 * hq.Mean, 100 * hq.Min, 100 * hq.Max).Text("0"),
                    m.Divergence(method, lrD, ratio)];
            }).ToList());
        var panels = new System.Text.StringBuilder();
        foreach (var g in groups)
        {
            var cell = g.OrderBy(r => r.Seed, StringComparer.Ordinal).First().Cell;
            var png = Path.Combine(dir, "cells", cell, "panel.png");
            if (File.Exists(png)) panels.Append(HtmlPage.FigureFileHtml(png, cell, cell));
        }
        page.Details("Samples of the first seed of every setting (snapshots over training)", panels.ToString());
    }

    private static void ImagesSection(HtmlPage page, string dir)
    {
        page.Heading(2, "Part 3: Fashion-MNIST");
        if (!SweepRecord.IsSweep(dir)) { page.Paragraph("Not run."); return; }
        var sweep = SweepRecord.Load(dir);
        page.Paragraph("The DCGAN trained each way from the same seed and latents; the latest sample grid of each run, and its image " +
                       "metrics under the data set's own classifier. The full sweep report (curves, configs) is fmnist/report.html.");
        var tiles = sweep.Cells.Select(c => new MontageTile($"{sweep.Label(c)}{(c.State == "finished" ? "" : $" [{c.State}]")}",
            c.Run.LatestSample is { } p ? PngImage.Load(p) : null, c.Diverged || c.State == "failed")).ToList();
        page.Figure(SampleMontage.Render(tiles, columns: Math.Min(4, Math.Max(1, tiles.Count))), "fashion-mnist final samples",
            "The latest sample grid of each run (fixed latents, eval mode).");
        if (sweep.Table is { } t) page.Table(t.Header, t.Rows);
    }
}
