using GameDrift.Regularisers;
using GameDrift.Training;

namespace GameDrift.Sweeps;

/// <summary>A sweep expanded into cells: the product over axis groups (the first group varies slowest), each cell
/// the base config with the sweep's <c>set:</c>, the command-line overrides and the cell's axis values applied
/// (derived keys such as lr_ratio last), validated like any run config.</summary>
public sealed class SweepPlan
{
    public required SweepConfig Sweep { get; init; }
    public required IReadOnlyList<SweepCell> Cells { get; init; }
    /// <summary>Command-line overrides (key=value) applied to every cell.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    public IReadOnlyList<string> AxisKeys => Sweep.AxisKeys;

    /// <param name="overrides">key=value pairs applied to every cell before the axes (they may not name an axis key).</param>
    public static SweepPlan Expand(SweepConfig sweep, IReadOnlyList<string>? overrides = null)
    {
        overrides ??= [];
        var src = sweep.Source;
        RunConfig baseConfig;
        try { baseConfig = sweep.BasePath is null ? new RunConfig() : ConfigLoader.Load(sweep.BasePath); }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new FormatException($"{src}: base config: {e.Message}");
        }

        var cli = overrides.Select(o =>
        {
            var eq = o.IndexOf('=');
            if (eq <= 0) throw new FormatException($"--set '{o}' must look like key=value");
            return new KeyValuePair<string, string>(o[..eq].Trim(), o[(eq + 1)..].Trim());
        }).ToList();
        var axisKeys = sweep.AxisKeys;
        foreach (var (k, _) in cli)
            if (axisKeys.Contains(k)) throw new FormatException($"--set {k}: '{k}' is an axis of {src}; change the sweep file instead");

        // Each key and value on its own first, so that an error names where it came from.
        var scratch = new RunConfig();
        foreach (var (k, v) in sweep.Set) ConfigLoader.Set(scratch, k, v, $"{src}: set.{k}");
        foreach (var (k, v) in cli) ConfigLoader.Set(scratch, k, v, "--set");
        foreach (var a in sweep.Groups.SelectMany(g => g.Axes))
            foreach (var v in a.Values) ConfigLoader.Set(scratch, a.Key, v, $"{src}: axes.{a.Key}");
        var given = sweep.Set.Select(kv => kv.Key).Concat(cli.Select(kv => kv.Key)).Concat(axisKeys).ToHashSet();
        if (given.Contains("lr_ratio") && given.Contains("lr_g"))
            throw new FormatException($"{src}: both lr_g and lr_ratio are set; lr_ratio moves lr_g, so give one of them");

        var count = sweep.Groups.Aggregate(1L, (n, g) => n * g.Length);
        if (count > 100_000) throw new FormatException($"{src}: the grid has {count} cells; split the sweep");
        var cells = new List<SweepCell>((int)count);
        foreach (var assignment in Product(sweep.Groups))
        {
            var index = cells.Count;
            var name = CellNames.Make(index, (int)count, assignment);
            var config = ConfigLoader.Parse(ConfigLoader.ToYaml(baseConfig), src);
            try
            {
                ConfigLoader.ApplyOverrides(config, sweep.Set.Concat(cli).Concat(assignment).Select(kv => $"{kv.Key}={kv.Value}"));
                RegulariserRegistry.Parse(config.Regularisers);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new FormatException($"{src}: cell {name}: {e.Message}");
            }
            cells.Add(new SweepCell(index, name, assignment, config));
        }
        return new SweepPlan { Sweep = sweep, Cells = cells, Overrides = overrides };
    }

    /// <summary>Row-major product: the last group varies fastest.</summary>
    private static IEnumerable<KeyValuePair<string, string>[]> Product(IReadOnlyList<AxisGroup> groups)
    {
        IEnumerable<KeyValuePair<string, string>[]> acc = [[]];
        foreach (var g in groups)
        {
            var group = g;
            acc = acc.SelectMany(prefix => Enumerable.Range(0, group.Length)
                .Select(i => prefix.Concat(group.Axes.Select(a => new KeyValuePair<string, string>(a.Key, a.Values[i]))).ToArray()));
        }
        return acc;
    }
}
