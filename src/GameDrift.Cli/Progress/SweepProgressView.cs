using Spectre.Console;

using GameDrift.Sweeps;

namespace GameDrift.Cli.Progress;

/// <summary>The sweep's progress: a live table on a terminal (counts, ETA, one row per running cell, the latest
/// cells to end); plain lines when output is redirected (a line per cell start and end, a summary every 30 s).</summary>
public static class SweepProgressView
{
    public static T Run<T>(string title, Func<ISweepObserver, T> body)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return body(new PlainObserver(title));
        var result = default(T);
        AnsiConsole.Live(new Markup(Markup.Escape(title))).AutoClear(false)
            .Start(ctx => result = body(new LiveObserver(title, ctx)));
        return result!;
    }

    public static string Summary(SweepProgress p) =>
        $"{p.Done}/{p.Total} done (finished {p.Finished}, diverged {p.Diverged}, failed {p.Failed})" +
        (p.Interrupted > 0 ? $", interrupted {p.Interrupted}" : "") +
        $", running {p.Running.Count}, pending {p.Pending}, elapsed {Clock(p.Elapsed)}, ETA {(p.Eta is { } e ? Clock(e) : "--:--:--")}" +
        string.Concat(p.Running.Where(r => r.Activity is not null).Select(r => $"; {r.Name}: {r.Activity}"));

    private static string Clock(TimeSpan t) => $"{(int)t.TotalHours:D2}:{t.Minutes:D2}:{t.Seconds:D2}";

    private sealed class LiveObserver(string title, LiveDisplayContext ctx) : ISweepObserver
    {
        private readonly List<string> ended = [];

        public void CellStarted(string cell, int processId, bool resumed) { }

        public void CellEnded(string cell, string state, string? message)
        {
            var colour = state switch { "finished" => "green", "diverged" => "yellow", "failed" => "red", _ => "grey" };
            ended.Add($"[{colour}]{Markup.Escape(state),-11}[/] {Markup.Escape(cell)}" + (message is null ? "" : $" [grey]{Markup.Escape(message)}[/]"));
        }

        /// <summary>The summary line, a table of the running cells, and the last cells to end.</summary>
        public void Tick(SweepProgress p)
        {
            var table = new Table().Border(TableBorder.Rounded).Expand();
            table.AddColumns("running cell", "step", "progress", "elapsed");
            foreach (var r in p.Running)
                table.AddRow(Markup.Escape(r.Name), $"{r.Step}/{r.Steps}", Bar(r.Steps > 0 ? (double)r.Step / r.Steps : 0), Clock(r.Elapsed));
            var parts = new List<Spectre.Console.Rendering.IRenderable>
            {
                new Markup($"[bold]{Markup.Escape(title)}[/]  {Markup.Escape(Summary(p))}"), table,
            };
            parts.AddRange(ended.TakeLast(8).Select(e => new Markup(e)));
            ctx.UpdateTarget(new Rows(parts));
        }

        private static string Bar(double f)
        {
            var n = (int)Math.Round(Math.Clamp(f, 0, 1) * 20);
            return $"[green]{new string('#', n)}[/][grey]{new string('.', 20 - n)}[/] {f * 100:F0}%";
        }
    }

    private sealed class PlainObserver(string title) : ISweepObserver
    {
        private double lastPrint = double.NegativeInfinity;

        public void CellStarted(string cell, int processId, bool resumed) =>
            Console.WriteLine($"[{title}] {(resumed ? "resumed" : "started")} {cell} (pid {processId})");

        public void CellEnded(string cell, string state, string? message) =>
            Console.WriteLine($"[{title}] {state} {cell}" + (message is null ? "" : $": {message}"));

        private string activities = "";

        public void Tick(SweepProgress p)
        {
            // Every 30 s, and at once when a worker starts or stops a long preparation (the classifier).
            var now = string.Join(";", p.Running.Select(r => r.Activity));
            if (p.Elapsed.TotalSeconds - lastPrint < 30 && p.Running.Count > 0 && now == activities) return;
            activities = now;
            lastPrint = p.Elapsed.TotalSeconds;
            Console.WriteLine($"[{title}] {Summary(p)}");
        }
    }
}
