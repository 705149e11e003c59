using System.Globalization;
using System.Text;

namespace GameDrift.Cli.Progress;

/// <summary>One progress line that fits a terminal width, tqdm-style:
/// <c>title  45%|#########           | 450/1000 [ETA 00:00:12, 43.20 steps/s] loss_d 0.6931 loss_g 0.6931</c>.
/// When the width is short, fields go in order of least importance: the bar shrinks and then goes, then the title,
/// the losses, the rate, the percentage and the ETA; "step/total" always stays (cut only below its own length).</summary>
public static class ProgressLine
{
    /// <summary>The narrowest bar worth drawing (between the pipes).</summary>
    public const int MinBar = 10;
    private const int MaxBar = 30;

    public static string Compose(int width, string title, long step, long total, double? stepsPerSecond, TimeSpan? eta, string summary)
    {
        width = Math.Max(1, width);
        var counter = $"{step}/{total}";
        var percent = total > 0 ? $"{100.0 * Math.Clamp((double)step / total, 0, 1),3:F0}%" : "";
        var etaText = $"ETA {(eta is { } e ? Clock(e) : "--:--:--")}";
        var rate = stepsPerSecond is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:F2} steps/s") : "";

        // Most important first; each optional field is kept only while the whole line still fits.
        bool showEta = true, showPercent = percent.Length > 0, showRate = rate.Length > 0, showSummary = summary.Length > 0, showTitle = title.Length > 0;
        string Build(int bar)
        {
            var sb = new StringBuilder();
            if (showTitle) sb.Append(title).Append(' ');
            if (showPercent) sb.Append(percent);
            if (bar > 0) sb.Append('|').Append(Bar(total > 0 ? (double)step / total : 0, bar)).Append('|');
            else if (showPercent) sb.Append(' ');
            sb.Append(' ', bar > 0 ? 1 : 0).Append(counter);
            var bracket = string.Join(", ", new[] { showEta ? etaText : "", showRate ? rate : "" }.Where(s => s.Length > 0));
            if (bracket.Length > 0) sb.Append(" [").Append(bracket).Append(']');
            if (showSummary) sb.Append(' ').Append(summary);
            return sb.ToString().TrimStart();
        }

        // Drop order: title, losses, rate, percentage, ETA (the bar is sized last, from the room left).
        var drops = new List<Action> { () => showTitle = false, () => showSummary = false, () => showRate = false, () => showPercent = false, () => showEta = false };
        int d = 0;
        while (Build(0).Length > width && d < drops.Count) drops[d++]();
        var line = Build(0);
        if (line.Length > width) return line[..width];
        var room = width - line.Length - 3; // two pipes and a space
        return room >= MinBar ? Build(Math.Min(room, MaxBar)) : line;
    }

    private static string Bar(double fraction, int width)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
        return new string('#', filled) + new string(' ', width - filled);
    }

    public static string Clock(TimeSpan t)
    {
        var s = Math.Min(t.TotalSeconds, TimeSpan.MaxValue.TotalSeconds / 2);
        t = TimeSpan.FromSeconds(Math.Max(0, s));
        return $"{(int)t.TotalHours:D2}:{t.Minutes:D2}:{t.Seconds:D2}";
    }
}
