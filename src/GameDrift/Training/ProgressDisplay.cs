using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace GameDrift.Training;

/// <summary>Receives progress from a training loop.</summary>
public interface IProgressSink
{
    /// <summary>Called once before the first step with the step the run starts from (the checkpoint's on resume).</summary>
    void Begin(long startStep) { }

    void Update(long step, string summary);
}

/// <summary>A live progress bar (step, steps/s, ETA, latest losses) on a terminal; plain lines every few
/// seconds when output is redirected (logs, CI). Rates and ETAs count only the steps taken by this process, so a
/// resumed run starts at its checkpoint's step and is not credited with the steps before it.</summary>
public static class ProgressDisplay
{
    /// <param name="startStep">the step shown until the loop calls <see cref="IProgressSink.Begin"/>.</param>
    public static void Run(string title, long startStep, long totalSteps, Action<IProgressSink> body)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            body(new PlainSink(title, startStep, totalSteps, Console.Out));
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(1, totalSteps));
                task.Value = startStep;
                body(new LiveSink(task, new ProgressText(title, startStep, totalSteps)));
            });
    }

    /// <summary>The text of a progress line: "title step S/T | R steps/s | ETA hh:mm:ss | losses".</summary>
    public sealed class ProgressText(string title, long start, long total)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private long start = start;

        public double Seconds => clock.Elapsed.TotalSeconds;

        public void Begin(long startStep)
        {
            start = startStep;
            clock.Restart();
        }

        public string Format(long step, string summary)
        {
            var rate = (step - start) / Math.Max(1e-9, Seconds);
            var eta = rate > 0 ? FormatEta((total - step) / rate) : "--:--:--";
            return string.Create(CultureInfo.InvariantCulture, $"{title} step {step}/{total} | {rate:F2} steps/s | ETA {eta} | {summary}");
        }

        private static string FormatEta(double seconds)
        {
            var t = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
            return $"{(int)t.TotalHours:D2}:{t.Minutes:D2}:{t.Seconds:D2}";
        }
    }

    private sealed class LiveSink(ProgressTask task, ProgressText text) : IProgressSink
    {
        public void Begin(long startStep)
        {
            task.Value = startStep;
            text.Begin(startStep);
        }

        public void Update(long step, string summary)
        {
            task.Value = step;
            task.Description = Markup.Escape(text.Format(step, summary));
        }
    }

    /// <summary>Plain lines: the first step, then at most one line every <see cref="Interval"/> seconds, and the last step.</summary>
    public sealed class PlainSink(string title, long start, long total, TextWriter output) : IProgressSink
    {
        public const double Interval = 5;
        private readonly ProgressText text = new(title, start, total);
        private double lastPrint = double.NegativeInfinity;

        public void Begin(long startStep)
        {
            text.Begin(startStep);
            lastPrint = double.NegativeInfinity;
        }

        public void Update(long step, string summary)
        {
            var t = text.Seconds;
            if (t - lastPrint < Interval && step < total) return;
            lastPrint = t;
            output.WriteLine(text.Format(step, summary));
            output.Flush();
        }
    }
}
