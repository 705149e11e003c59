namespace GameDrift.Training;

/// <summary>The snake_case name of a configuration property. Derived keys (e.g. lr_ratio) can be set and
/// overridden but are not written back, since they follow from other keys.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigKeyAttribute(string name) : Attribute
{
    public string Name { get; } = name;
    public bool Derived { get; init; }
}
