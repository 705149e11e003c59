namespace GameDrift.Torch.nn;

/// <summary>A module that applies a function without parameters, e.g. <c>new Lambda(x => x * 2)</c>.</summary>
public sealed class Lambda : Module
{
    private readonly Func<Tensor, Tensor> fn;
    private readonly string name;

    public Lambda(Func<Tensor, Tensor> fn, string name = "")
    {
        this.fn = fn ?? throw new ArgumentNullException(nameof(fn));
        this.name = name;
    }

    public override Tensor Forward(Tensor input) => fn(input);

    protected override string ExtraRepr() => name;
}
