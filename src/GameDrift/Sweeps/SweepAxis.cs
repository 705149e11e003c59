namespace GameDrift.Sweeps;

/// <summary>One swept config key and the values it takes, as text (the form <c>--set key=value</c> takes).</summary>
public sealed record SweepAxis(string Key, IReadOnlyList<string> Values);

/// <summary>Axes that move together: a single axis, or a zipped group whose axes all have the same length and
/// take their i-th values together (e.g. lr_d and lr_g). The grid is the product over groups.</summary>
public sealed record AxisGroup(IReadOnlyList<SweepAxis> Axes)
{
    public int Length => Axes[0].Values.Count;

    public bool Zipped => Axes.Count > 1;
}
