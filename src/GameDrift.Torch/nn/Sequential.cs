using System.Collections;
using System.Globalization;

namespace GameDrift.Torch.nn;

/// <summary>Applies its modules in order; they are named "0", "1", … (torch.nn.Sequential).
/// Intermediate results are left to the enclosing dispose scope, since autograd and user code may still hold them.</summary>
public sealed class Sequential : Module, IEnumerable<Module>
{
    private readonly List<Module> layers = new();

    public Sequential(params Module[] modules)
    {
        foreach (var m in modules) Append(m);
    }

    /// <summary>Adds a module at the end (named by its position) and returns this.</summary>
    public Sequential Append(Module module)
    {
        RegisterModule(layers.Count.ToString(CultureInfo.InvariantCulture), module);
        layers.Add(module);
        return this;
    }

    public Module this[int index] => layers[index];
    public int Count => layers.Count;

    public override Tensor Forward(Tensor input)
    {
        if (layers.Count == 0) return input.Alias();
        var x = input;
        foreach (var m in layers) x = m.Forward(x);
        return x;
    }

    public IEnumerator<Module> GetEnumerator() => layers.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
