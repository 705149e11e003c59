namespace GameDrift.Torch.optim;

/// <summary>Hyper-parameters of one parameter group, kept as named numbers with PyTorch's names
/// (<c>lr</c>, <c>momentum</c>, <c>weight_decay</c>, …; flags as 0/1) so they can go into state dicts.
/// Subclasses expose them as typed properties.</summary>
public abstract class OptimizerOptions
{
    private OrderedDictionary<string, double> values = new();

    protected OptimizerOptions(double lr) => LearningRate = lr;

    /// <summary>The step size <c>lr</c>.</summary>
    public double LearningRate
    {
        get => Get("lr");
        set => Set("lr", value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), $"invalid learning rate {value}"));
    }

    /// <summary>All hyper-parameters by name.</summary>
    public IReadOnlyDictionary<string, double> Values => values;

    protected double Get(string name) => values[name];
    protected void Set(string name, double value) => values[name] = value;
    protected bool GetFlag(string name) => values[name] != 0;
    protected void SetFlag(string name, bool value) => values[name] = value ? 1 : 0;

    /// <summary>Throws if the combination of values is invalid (called when a group is added or loaded).</summary>
    public virtual void Validate()
    {
        if (!(LearningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), $"invalid learning rate {LearningRate}");
    }

    protected static void Check(bool ok, string name, double value)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, $"invalid {name} value: {value}");
    }

    internal OptimizerOptions Clone()
    {
        var c = (OptimizerOptions)MemberwiseClone();
        c.values = new OrderedDictionary<string, double>(values);
        return c;
    }

    // Sets one value read from a state dict; names must already exist.
    internal void Import(string name, double value)
    {
        if (!values.ContainsKey(name)) throw new ArgumentException($"unknown hyper-parameter '{name}' for {GetType().Name}");
        values[name] = value;
    }
}
