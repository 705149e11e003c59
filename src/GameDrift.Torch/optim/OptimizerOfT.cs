namespace GameDrift.Torch.optim;

/// <summary>An optimiser whose groups carry options of type <typeparamref name="TOptions"/>.</summary>
public abstract class Optimizer<TOptions> : Optimizer where TOptions : OptimizerOptions
{
    protected Optimizer(IEnumerable<Tensor> parameters, TOptions defaults)
    {
        Defaults = defaults;
        AddParamGroup(parameters);
    }

    /// <summary>The options new groups start from.</summary>
    public TOptions Defaults { get; }

    /// <summary>Adds a group starting from <see cref="Defaults"/>, e.g.
    /// <c>opt.AddParamGroup(d.Parameters(), o =&gt; o.LearningRate = 4e-4)</c>.</summary>
    public ParamGroup AddParamGroup(IEnumerable<Tensor> parameters, Action<TOptions>? configure = null)
    {
        var options = (TOptions)Defaults.Clone();
        configure?.Invoke(options);
        return AddGroup(parameters, options);
    }

    /// <summary>The typed options of group <paramref name="group"/>.</summary>
    public TOptions GroupOptions(int group) => (TOptions)ParamGroups[group].Options;

    protected sealed override void Update(ParamGroup group, Tensor parameter, Tensor grad, ParamState state) =>
        Update((TOptions)group.Options, parameter, grad, state);

    /// <summary>The update rule, with this group's options.</summary>
    protected abstract void Update(TOptions options, Tensor parameter, Tensor grad, ParamState state);
}
