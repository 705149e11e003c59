using System.Globalization;

namespace GameDrift.Sweeps;

/// <summary>An inclusive range of <see cref="Count"/> values from <see cref="Start"/> to <see cref="Stop"/>, equally
/// spaced, or equally spaced in log when <see cref="Log"/> is set (e.g. learning-rate ratios 0.25 … 4).</summary>
public sealed record SweepRange(double Start, double Stop, int Count, bool Log)
{
    /// <summary>Throws <see cref="FormatException"/> naming <paramref name="what"/> when the range is empty or not finite.</summary>
    public void Validate(string what)
    {
        if (Count < 1) throw new FormatException($"{what}: count must be at least 1 (got {Count})");
        if (!double.IsFinite(Start) || !double.IsFinite(Stop)) throw new FormatException($"{what}: start and stop must be finite numbers");
        if (Log && (Start <= 0 || Stop <= 0)) throw new FormatException($"{what}: a log range needs positive start and stop (got {Start} and {Stop})");
        if (Count == 1 && Start != Stop) throw new FormatException($"{what}: count 1 needs start = stop (got {Start} and {Stop})");
    }

    /// <summary>The values, endpoints exact, the others rounded to 12 significant digits so that names and
    /// configs read 0.5 rather than 0.49999999999999994.</summary>
    public double[] Values()
    {
        if (Count == 1) return [Start];
        var v = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var t = (double)i / (Count - 1);
            var x = Log ? Math.Exp(Math.Log(Start) + (Math.Log(Stop) - Math.Log(Start)) * t) : Start + (Stop - Start) * t;
            v[i] = double.Parse(x.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        v[0] = Start;
        v[^1] = Stop;
        return v;
    }

    /// <summary>The values as config text (shortest round-trip form).</summary>
    public IReadOnlyList<string> Texts() => Values().Select(x => x.ToString("R", CultureInfo.InvariantCulture)).ToArray();
}
