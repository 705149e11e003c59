using System.Globalization;

namespace GameDrift.ToyRuns;

/// <summary>A log-spaced inclusive range START:STOP:COUNT (command-line syntax), e.g. "0.01:4:40".</summary>
public sealed record LogRange(double Start, double Stop, int Count)
{
    /// <summary>Parses START:STOP:COUNT; START and STOP positive finite numbers, COUNT a positive integer
    /// (COUNT = 1 requires START = STOP).</summary>
    /// <exception cref="ArgumentException">With a message naming what is wrong.</exception>
    public const int MaxCount = 10_000;

    public static LogRange Parse(string text, string what = "range")
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException($"{what} is empty; expected START:STOP:COUNT");
        var parts = text.Trim().Split(':');
        if (parts.Length != 3)
            throw new ArgumentException($"{what} '{text}' must have the form START:STOP:COUNT (three fields separated by ':')");
        double start = Number(parts[0], "START"), stop = Number(parts[1], "STOP");
        if (!int.TryParse(parts[2].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int count))
            throw new ArgumentException($"{what} '{text}': COUNT '{parts[2]}' is not an integer");
        // A phase diagram holds count x count runs in memory at once: a typo such as 2000000000 must not exhaust it.
        if (count > MaxCount) throw new ArgumentException($"{what}: COUNT {count} is more than {MaxCount}");
        var range = new LogRange(start, stop, count);
        range.Validate(what);
        return range;

        double Number(string s, string name)
        {
            if (!double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw new ArgumentException($"{what} '{text}': {name} '{s}' is not a number");
            return v;
        }
    }

    /// <summary>Throws unless the range is non-empty, positive and finite.</summary>
    public void Validate(string what = "range")
    {
        if (Count < 1) throw new ArgumentException($"{what} is empty: COUNT must be at least 1 (got {Count})");
        if (!double.IsFinite(Start) || !double.IsFinite(Stop) || Start <= 0 || Stop <= 0)
            throw new ArgumentException($"{what}: a log-spaced range needs positive finite START and STOP (got {Start} and {Stop})");
        if (Count == 1 && Start != Stop)
            throw new ArgumentException($"{what}: COUNT 1 needs START = STOP (got {Start} and {Stop})");
    }

    /// <summary>The values, from START to STOP inclusive, equally spaced in log.</summary>
    public double[] Values()
    {
        Validate();
        return Values(Start, Stop, Count);
    }

    internal static double[] Values(double start, double stop, int count)
    {
        if (count == 1) return new[] { start };
        double a = Math.Log(start), b = Math.Log(stop);
        var v = new double[count];
        for (int i = 0; i < count; i++) v[i] = Math.Exp(a + (b - a) * i / (count - 1));
        v[0] = start;
        v[^1] = stop;
        return v;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start}:{Stop}:{Count}");
}
