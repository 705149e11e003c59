using System.Diagnostics;
using GameDrift.Training;
using Spectre.Console;

namespace GameDrift.Cli.Progress;

/// <summary>A live progress line (step, percentage, bar, ETA, steps/s, latest losses) sized to the terminal's width
/// (<see cref="ProgressLine"/>); plain lines every few seconds when output is redirected (logs, CI). Rates and ETAs
/// count only the steps taken by this process, so a resumed run starts at its checkpoint's step and is not credited
/// with the steps before it.</summary>
public static class ProgressDisplay
{
    /// <param name="startStep">the step shown until the loop calls <see cref="IProgressSink.Begin"/>.</param>
    /// <param name="console">the terminal; the process's own when null (a test passes one of fixed width).</param>
    public static void Run(string title, long startStep, long totalSteps, Action<IProgressSink> body, IAnsiConsole? console = null)
    {
        console ??= AnsiConsole.Console;
        // A terminal of unknown height (TERM=dumb, no tty size) cannot host a live region: Spectre crops it to nothing.
        if (console == AnsiConsole.Console && Console.IsOutputRedirected || !console.Profile.Capabilities.Interactive || console.Profile.Height < 2)
        {
            body(new PlainSink(title, startStep, totalSteps, Console.Out));
            return;
        }
        var clock = new StepClock(startStep);
        // One column short of the width: a line that fills the last column wraps on some terminals.
        string Line(long step, string summary) =>
            ProgressLine.Compose(console.Profile.Width - 1, title, step, totalSteps, clock.Rate(step), clock.Eta(step, totalSteps), summary);
        console.Live(new Text(Line(startStep, ""))).AutoClear(false).Start(ctx =>
            body(new LiveSink(ctx, clock, Line)));
    }

    /// <summary>Steps per second and ETA over the steps taken since <see cref="Begin"/>.</summary>
    public sealed class StepClock(long start)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private long start = start;

        public double Seconds => clock.Elapsed.TotalSeconds;

        public void Begin(long startStep)
        {
            start = startStep;
            clock.Restart();
        }

        public double? Rate(long step) => step > start && Seconds > 0 ? (step - start) / Seconds : null;

        public TimeSpan? Eta(long step, long total) =>
            Rate(step) is { } r and > 0 ? TimeSpan.FromSeconds(Math.Min((total - step) / r, TimeSpan.MaxValue.TotalSeconds / 2)) : null;
    }

    private sealed class LiveSink(LiveDisplayContext ctx, StepClock clock, Func<long, string, string> line) : IProgressSink
    {
        public void Begin(long startStep)
        {
            clock.Begin(startStep);
            ctx.UpdateTarget(new Text(line(startStep, "")));
        }

        public void Update(long step, string summary) => ctx.UpdateTarget(new Text(line(step, summary)));
    }

    /// <summary>Plain lines: the first step, then at most one line every <see cref="Interval"/> seconds, and the last step.</summary>
    public sealed class PlainSink(string title, long start, long total, TextWriter output) : IProgressSink
    {
        public const double Interval = 5;
        private readonly StepClock clock = new(start);
        private double lastPrint = double.NegativeInfinity;

        public void Begin(long startStep)
        {
            clock.Begin(startStep);
            lastPrint = double.NegativeInfinity;
        }

        public void Update(long step, string summary)
        {
            var t = clock.Seconds;
            if (t - lastPrint < Interval && step < total) return;
            lastPrint = t;
            var eta = clock.Eta(step, total);
            output.WriteLine(FormattableString.Invariant(
                $"{title} step {step}/{total} | {clock.Rate(step) ?? 0:F2} steps/s | ETA {(eta is { } e ? ProgressLine.Clock(e) : "--:--:--")} | {summary}"));
            output.Flush();
        }
    }
}
