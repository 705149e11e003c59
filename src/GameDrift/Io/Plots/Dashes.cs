namespace GameDrift.Io.Plots;

/// <summary>Cuts a polyline into the "on" pieces of a dash pattern, continuing the pattern across vertices.</summary>
internal static class Dashes
{
    // On/off lengths in units of line width, as in matplotlib's default styles.
    private static double[] Pattern(LineStyle style) => style switch
    {
        LineStyle.Dashed => [3.7, 1.6],
        LineStyle.Dotted => [1, 1.65],
        LineStyle.DashDot => [6.4, 1.6, 1, 1.6],
        _ => [],
    };

    public static IEnumerable<((double X, double Y) A, (double X, double Y) B)> Split(
        ReadOnlySpan<(double X, double Y)> points, LineStyle style, double width)
    {
        var result = new List<((double, double), (double, double))>();
        double[] pattern = Pattern(style);
        if (pattern.Length == 0)
        {
            for (int i = 1; i < points.Length; i++) result.Add((points[i - 1], points[i]));
            return result;
        }

        // Thin lines would give dashes shorter than the anti-aliasing blur; keep them visible.
        double unit = Math.Max(width, 1.5);
        int k = 0;
        double left = pattern[0] * unit; // length remaining in the current pattern element
        for (int i = 1; i < points.Length; i++)
        {
            var (ax, ay) = points[i - 1];
            var (bx, by) = points[i];
            double segLen = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
            double pos = 0;
            while (pos < segLen)
            {
                double step = Math.Min(left, segLen - pos);
                if (k % 2 == 0)
                {
                    double t0 = pos / segLen, t1 = (pos + step) / segLen;
                    result.Add(((ax + (bx - ax) * t0, ay + (by - ay) * t0), (ax + (bx - ax) * t1, ay + (by - ay) * t1)));
                }
                pos += step;
                left -= step;
                if (left <= 1e-9)
                {
                    k = (k + 1) % pattern.Length;
                    left = pattern[k] * unit;
                }
            }
        }
        return result;
    }
}
