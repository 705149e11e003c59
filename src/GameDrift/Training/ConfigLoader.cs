using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using GameDrift.Io;

namespace GameDrift.Training;

/// <summary>Reads a <see cref="RunConfig"/> from YAML, applies <c>key=value</c> overrides, and writes the
/// resolved configuration back. Errors name the key and the file.</summary>
public static class ConfigLoader
{
    private static readonly Dictionary<string, PropertyInfo> Keys = typeof(RunConfig).GetProperties()
        .Select(p => (p, a: p.GetCustomAttribute<ConfigKeyAttribute>()))
        .Where(x => x.a != null)
        .ToDictionary(x => x.a!.Name, x => x.p);

    /// <summary>All keys a config may use.</summary>
    public static IReadOnlyCollection<string> KnownKeys => Keys.Keys;

    public static RunConfig Load(string path, IEnumerable<string>? overrides = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"config file not found: {path}", path);
        var text = File.ReadAllText(path);
        // An empty file would silently train the defaults for 1000 steps.
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException($"{path}: the config file is empty");
        var config = Parse(text, path);
        ConfigPaths.Anchor(config, Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (overrides != null) ApplyOverrides(config, overrides);
        config.Validate();
        return config;
    }

    /// <summary>Parses YAML text; <paramref name="source"/> names the file in error messages.</summary>
    public static RunConfig Parse(string yaml, string source = "<config>")
    {
        var config = new RunConfig();
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e) { throw new FormatException($"{source}: not valid YAML at line {e.Start.Line}: {e.Message}"); }
        if (stream.Documents.Count == 0) return config;
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new FormatException($"{source}: expected a mapping of keys to values at the top level");
        // Derived keys (lr_ratio) are applied last so they see the file's other keys.
        foreach (var (k, v) in map.Children.OrderBy(kv => IsDerived(((YamlScalarNode)kv.Key).Value ?? "") ? 1 : 0))
        {
            var key = (k as YamlScalarNode)?.Value ?? throw new FormatException($"{source}: keys must be plain names");
            if (v is not YamlScalarNode scalar)
                throw new FormatException($"{source}: key '{key}' must have a single value, not a list or mapping");
            Set(config, key, scalar.Value ?? "", source);
        }
        return config;
    }

    /// <summary>Applies overrides of the form <c>key=value</c>, in order.</summary>
    public static void ApplyOverrides(RunConfig config, IEnumerable<string> overrides)
    {
        foreach (var o in overrides.OrderBy(o => IsDerived(o.Split('=')[0].Trim()) ? 1 : 0))
        {
            var eq = o.IndexOf('=');
            if (eq <= 0) throw new FormatException($"override '{o}' must look like key=value");
            Set(config, o[..eq].Trim(), o[(eq + 1)..].Trim(), "--set");
        }
        config.Validate();
    }

    private static bool IsDerived(string key) => Keys.TryGetValue(key, out var p) && p.GetCustomAttribute<ConfigKeyAttribute>()!.Derived;

    /// <summary>Sets one key from its text form, converting to the property's type.</summary>
    public static void Set(RunConfig config, string key, string text, string source)
    {
        if (!Keys.TryGetValue(key, out var prop))
            throw new FormatException($"{source}: unknown config key '{key}' (known keys: {string.Join(", ", Keys.Keys.Order())})");
        object value;
        var t = prop.PropertyType;
        var inv = CultureInfo.InvariantCulture;
        if (t == typeof(string)) value = text;
        else if (t == typeof(int) && int.TryParse(text, NumberStyles.Integer, inv, out var i)) value = i;
        else if (t == typeof(long) && long.TryParse(text, NumberStyles.Integer, inv, out var l)) value = l;
        else if (t == typeof(double) && double.TryParse(text, NumberStyles.Float, inv, out var d)) value = d;
        else if (t == typeof(bool) && TryBool(text, out var b)) value = b;
        else throw new FormatException($"{source}: config key '{key}' expects {TypeName(t)}, got '{text}'");
        try { prop.SetValue(config, value); }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException a) { throw new FormatException($"{source}: {a.Message}"); }
    }

    private static bool TryBool(string s, out bool b)
    {
        switch (s.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on": b = true; return true;
            case "false" or "no" or "off": b = false; return true;
            default: b = false; return false;
        }
    }

    private static string TypeName(Type t) => t == typeof(int) || t == typeof(long) ? "an integer" : t == typeof(double) ? "a number" : t == typeof(bool) ? "true or false" : t.Name;

    /// <summary>Reads one key's current value as text.</summary>
    public static string Get(RunConfig config, string key) =>
        Keys.TryGetValue(key, out var p) ? Format(p.GetValue(config)) : throw new FormatException($"unknown config key '{key}'");

    private static string Format(object? v) => v switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => s.Length == 0 || s.Any(c => ":#,[]{}&*!|>'\"%@`".Contains(c)) || s != s.Trim() ? $"'{s.Replace("'", "''")}'" : s,
        null => "",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The resolved configuration as YAML (every non-derived key), for the run directory.</summary>
    public static string ToYaml(RunConfig config) =>
        string.Join("\n", typeof(RunConfig).GetProperties()
            .Select(p => (p, a: p.GetCustomAttribute<ConfigKeyAttribute>()))
            .Where(x => x.a is { Derived: false })
            .Select(x => $"{x.a!.Name}: {Format(x.p.GetValue(config))}")) + "\n";

    /// <summary>Replaces the file whole (<see cref="AtomicFile"/>): a run killed while saving (a sweep stopping its
    /// workers) must not leave a truncated config.yaml, which its --resume would then refuse.</summary>
    public static void Save(RunConfig config, string path) => AtomicFile.WriteAllText(path, ToYaml(config));
}
