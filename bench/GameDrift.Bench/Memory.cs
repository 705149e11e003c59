namespace GameDrift.Bench;

/// <summary>Resident memory of this process from /proc (Linux).</summary>
internal static class Memory
{
    public static double RssMb() => Read("VmRSS:");
    public static double PeakRssMb() => Read("VmHWM:");

    private static double Read(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line[key.Length..].Trim().Split(' ')[0]) / 1024.0;
        return double.NaN;
    }
}
