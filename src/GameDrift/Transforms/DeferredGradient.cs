using System.Collections;
using GameDrift.Torch;

namespace GameDrift.Transforms;

/// <summary>A gradient computed when first read. An evaluation runs its forward passes lazily, and they have effects
/// beyond their values (instance noise drawn from the run's RNG, batch-norm statistics, spectral-norm vectors): a chain
/// hands its links the own gradient deferred and regularisers add their terms deferred (<see cref="Plus"/>), so every
/// term is evaluated before the own gradient, in chain order, and a run draws and updates in a fixed order.</summary>
public sealed class DeferredGradient(Func<IReadOnlyList<Tensor>> compute) : IReadOnlyList<Tensor>
{
    private IReadOnlyList<Tensor>? value;
    private IReadOnlyList<Tensor> Value => value ??= compute();

    public Tensor this[int index] => Value[index];
    public int Count => Value.Count;
    public IEnumerator<Tensor> GetEnumerator() => Value.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary><paramref name="gradient"/> + <paramref name="term"/> (none: the gradient itself), added off the graph
    /// when first read.</summary>
    public static IReadOnlyList<Tensor> Plus(IReadOnlyList<Tensor> gradient, IReadOnlyList<Tensor>? term) => term is null ? gradient
        : new DeferredGradient(() =>
        {
            var g = gradient.ToArray(); // outside no-grad: reading it may run backward passes that keep a graph
            using var _ = torch.NoGrad();
            return g.Select((x, i) => x + term[i]).ToArray();
        });
}
