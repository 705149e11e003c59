using GameDrift.Training;

namespace GameDrift.Sweeps;

/// <summary>One point of a sweep: its index in expansion order, its directory name, the axis values that
/// define it (key, text) and the resolved, validated run config.</summary>
public sealed record SweepCell(int Index, string Name, IReadOnlyList<KeyValuePair<string, string>> Assignments, RunConfig Config)
{
    /// <summary>The cell directory relative to the sweep directory.</summary>
    public string RelativePath => SweepLayout.CellPath(Name);
}
