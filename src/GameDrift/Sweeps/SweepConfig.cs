using System.Globalization;
using GameDrift.Training;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GameDrift.Sweeps;

/// <summary>A sweep: a base run config (a file and/or inline overrides) and the axes to vary. YAML form:
/// <code>
/// name: lr-ratio               # optional; default: the file name
/// base: ../configs/x.yaml      # optional; relative to the sweep file
/// set: {steps: 600}            # optional overrides of run-config keys
/// workers: 2                   # optional default for --workers
/// axes:
///   scheme: [simultaneous, alternating]                  # a list
///   lr_ratio: {start: 0.25, stop: 4, count: 5, log: true} # a range (inclusive)
///   seed: 0                                              # a single value
///   lr: {zip: {lr_d: [0.01, 0.02], lr_g: [0.005, 0.01]}} # axes that move together
/// </code>
/// Axis keys are any run-config keys, derived ones (lr_ratio) included. Errors name the file and the key.</summary>
public sealed class SweepConfig
{
    public required string Name { get; init; }
    /// <summary>The sweep file (full path), or a label when parsed from text.</summary>
    public required string Source { get; init; }
    /// <summary>The file's text as given.</summary>
    public required string Text { get; init; }
    /// <summary>The base run config (full path), or null for the built-in defaults.</summary>
    public string? BasePath { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Set { get; init; } = [];
    public IReadOnlyList<AxisGroup> Groups { get; init; } = [];
    public int? Workers { get; init; }

    /// <summary>The keys of every axis, in file order.</summary>
    public IReadOnlyList<string> AxisKeys => Groups.SelectMany(g => g.Axes).Select(a => a.Key).ToArray();

    private static readonly string[] TopKeys = ["name", "base", "set", "workers", "axes"];

    public static SweepConfig Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"sweep file not found: {path}", path);
        var full = System.IO.Path.GetFullPath(path);
        return Parse(File.ReadAllText(full), full, System.IO.Path.GetDirectoryName(full)!);
    }

    /// <summary>Parses sweep YAML; <paramref name="source"/> names it in errors and <paramref name="baseDirectory"/>
    /// anchors a relative <c>base:</c> path.</summary>
    public static SweepConfig Parse(string yaml, string source, string baseDirectory)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e) { throw new FormatException($"{source}: not valid YAML at line {e.Start.Line}: {e.Message}"); }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FormatException($"{source}: expected a mapping with 'axes' (and optionally name, base, set, workers) at the top level");

        string? name = null, basePath = null;
        int? workers = null;
        var set = new List<KeyValuePair<string, string>>();
        var groups = new List<AxisGroup>();
        foreach (var (k, v) in root.Children)
        {
            var key = Scalar(k, source, "top-level key");
            switch (key)
            {
                case "name": name = Scalar(v, source, "name"); break;
                case "base":
                    basePath = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, Scalar(v, source, "base")));
                    if (!File.Exists(basePath)) throw new FileNotFoundException($"{source}: base config not found: {basePath}", basePath);
                    break;
                case "workers":
                    if (!int.TryParse(Scalar(v, source, "workers"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) || w < 1)
                        throw new FormatException($"{source}: 'workers' must be a positive integer");
                    workers = w;
                    break;
                case "set":
                    if (v is not YamlMappingNode setMap) throw new FormatException($"{source}: 'set' must be a mapping of config keys to values");
                    foreach (var (sk, sv) in setMap.Children)
                    {
                        var configKey = ConfigKey(Scalar(sk, source, "set key"), source, "set");
                        set.Add(new(configKey, Scalar(sv, source, $"set.{configKey}")));
                    }
                    break;
                case "axes":
                    if (v is YamlScalarNode { Value: null or "" }) break;
                    if (v is not YamlMappingNode axes) throw new FormatException($"{source}: 'axes' must be a mapping of config keys to values");
                    foreach (var (ak, av) in axes.Children) groups.Add(Group(Scalar(ak, source, "axis key"), av, source));
                    break;
                default:
                    throw new FormatException($"{source}: unknown top-level key '{key}' (known: {string.Join(", ", TopKeys)})");
            }
        }
        var keys = groups.SelectMany(g => g.Axes).Select(a => a.Key).ToList();
        var twice = keys.GroupBy(x => x).FirstOrDefault(g => g.Count() > 1);
        if (twice != null) throw new FormatException($"{source}: axis key '{twice.Key}' appears more than once");
        return new SweepConfig
        {
            Name = name ?? System.IO.Path.GetFileNameWithoutExtension(source),
            Source = source, Text = yaml, BasePath = basePath, Set = set, Groups = groups, Workers = workers,
        };
    }

    /// <summary>An axis (list, single value or range) or a zipped group <c>{zip: {key: values, ...}}</c>.</summary>
    private static AxisGroup Group(string label, YamlNode node, string source)
    {
        if (node is YamlMappingNode map && map.Children.Count == 1 && Scalar(map.Children.First().Key, source, label) == "zip")
        {
            if (map.Children.First().Value is not YamlMappingNode zip || zip.Children.Count == 0)
                throw new FormatException($"{source}: axes.{label}.zip must map config keys to lists of values");
            var axes = zip.Children.Select(kv =>
            {
                var key = ConfigKey(Scalar(kv.Key, source, $"axes.{label}.zip key"), source, $"axes.{label}.zip");
                return new SweepAxis(key, Values(kv.Value, source, $"axes.{label}.zip.{key}"));
            }).ToArray();
            var uneven = axes.FirstOrDefault(a => a.Values.Count != axes[0].Values.Count);
            if (uneven != null)
                throw new FormatException($"{source}: axes.{label}.zip: zipped axes need equal lengths, but '{axes[0].Key}' has {axes[0].Values.Count} values and '{uneven.Key}' has {uneven.Values.Count}");
            return new AxisGroup(axes);
        }
        var configKey = ConfigKey(label, source, "axes");
        return new AxisGroup([new SweepAxis(configKey, Values(node, source, $"axes.{configKey}"))]);
    }

    private static IReadOnlyList<string> Values(YamlNode node, string source, string where)
    {
        switch (node)
        {
            case YamlScalarNode s: return [s.Value ?? ""];
            case YamlSequenceNode seq:
                if (seq.Children.Count == 0) throw new FormatException($"{source}: {where}: the list of values is empty");
                return seq.Children.Select(c => Scalar(c, source, where)).ToArray();
            case YamlMappingNode m:
                return Range(m, source, where).Texts();
            default: throw new FormatException($"{source}: {where}: expected a value, a list or a range");
        }
    }

    private static SweepRange Range(YamlMappingNode m, string source, string where)
    {
        double? start = null, stop = null;
        int? count = null;
        var log = false;
        foreach (var (k, v) in m.Children)
        {
            var key = Scalar(k, source, where);
            var text = Scalar(v, source, $"{where}.{key}");
            switch (key)
            {
                case "start": start = Number(text, source, $"{where}.start"); break;
                case "stop": stop = Number(text, source, $"{where}.stop"); break;
                case "count":
                    if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c))
                        throw new FormatException($"{source}: {where}.count: '{text}' is not an integer");
                    count = c;
                    break;
                case "log":
                    log = text.ToLowerInvariant() switch
                    {
                        "true" or "yes" => true, "false" or "no" => false,
                        _ => throw new FormatException($"{source}: {where}.log: expected true or false, got '{text}'"),
                    };
                    break;
                default: throw new FormatException($"{source}: {where}: unknown range key '{key}' (a range has start, stop, count and optionally log)");
            }
        }
        if (start is null || stop is null || count is null)
            throw new FormatException($"{source}: {where}: a range needs start, stop and count");
        var range = new SweepRange(start.Value, stop.Value, count.Value, log);
        range.Validate($"{source}: {where}");
        return range;
    }

    private static double Number(string text, string source, string where) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
            : throw new FormatException($"{source}: {where}: '{text}' is not a number");

    private static string ConfigKey(string key, string source, string where) =>
        ConfigLoader.KnownKeys.Contains(key) ? key
            : throw new FormatException($"{source}: {where}: unknown config key '{key}' (known keys: {string.Join(", ", ConfigLoader.KnownKeys.Order())})");

    private static string Scalar(YamlNode node, string source, string where) =>
        node is YamlScalarNode s ? s.Value ?? ""
            : throw new FormatException($"{source}: {where} must be a single value, not a list or mapping (line {node.Start.Line})");
}
