using System.Diagnostics;
using Spectre.Console;

namespace GameDrift.Training;

/// <summary>Receives progress from a training loop.</summary>
public interface IProgressSink
{
    void Update(long step, string summary);
}

/// <summary>A live progress bar (step, steps/s, ETA, latest losses) on a terminal; plain lines every few
/// seconds when output is redirected (logs, CI).</summary>
public static class ProgressDisplay
{
    public static void Run(string title, long startStep, long totalSteps, Action<IProgressSink> body)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            body(new PlainSink(title, startStep, totalSteps));
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(1, totalSteps));
                task.Value = startStep;
                body(new LiveSink(task, title, startStep));
            });
    }

    private sealed class LiveSink(ProgressTask task, string title, long start) : IProgressSink
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public void Update(long step, string summary)
        {
            task.Value = step;
            var rate = (step - start) / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
            task.Description = Markup.Escape($"{title} step {step} | {rate:F2} steps/s | {summary}");
        }
    }

    private sealed class PlainSink(string title, long start, long total) : IProgressSink
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private double lastPrint = double.NegativeInfinity;

        public void Update(long step, string summary)
        {
            var t = clock.Elapsed.TotalSeconds;
            if (t - lastPrint < 5 && step < total) return;
            lastPrint = t;
            var rate = (step - start) / Math.Max(1e-9, t);
            var eta = rate > 0 ? TimeSpan.FromSeconds((total - step) / rate) : TimeSpan.Zero;
            Console.WriteLine($"{title} step {step}/{total} | {rate:F2} steps/s | ETA {eta:hh\\:mm\\:ss} | {summary}");
        }
    }
}
