using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GameDrift.Reports;

/// <summary>The top-level keys of a YAML mapping with their scalar values, in file order. Reports read run configs
/// this way rather than through <c>ConfigLoader</c>, so a config written by another version (unknown or removed keys)
/// still shows. Nested values are kept as their YAML text.</summary>
public static class FlatYaml
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string yaml, string source = "<yaml>")
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e) { throw new InvalidDataException($"{source}: not valid YAML at line {e.Start.Line}: {e.Message}"); }
        if (stream.Documents.Count == 0) return [];
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new InvalidDataException($"{source}: expected a mapping of keys to values at the top level");
        return map.Children.Select(kv => new KeyValuePair<string, string>(
            (kv.Key as YamlScalarNode)?.Value ?? kv.Key.ToString(),
            kv.Value is YamlScalarNode s ? s.Value ?? "" : kv.Value.ToString())).ToList();
    }
}
