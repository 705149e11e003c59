using GameDrift.Games;
using GameDrift.Torch;
using GameDrift.Torch.optim;

namespace GameDrift.Transforms;

/// <summary>One player's update as a chain (Optax's <c>chain</c>): the player's own gradient passes through the
/// transforms in order (regularisers add their terms: the "player gradient actually applied" of spec §5.1), and the last
/// link, the player's optimiser, applies the result. A scheme runs the transforms at every evaluation it takes
/// (<see cref="Gradient"/>) and the optimiser when its update rule moves the player (<see cref="Step"/>; RK4 first
/// averages four stages' gradients).</summary>
public sealed class Chain
{
    private Chain(IEnumerable<IGradientTransform> transforms, IPlayerOptimizer optimizer)
    {
        Transforms = transforms?.ToArray() ?? throw new ArgumentNullException(nameof(transforms));
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
    }

    public static Chain Of(IPlayerOptimizer optimizer) => new([], optimizer);

    public static Chain Of(Optimizer optimizer) => new([], new OptimizerAdapter(optimizer));

    public static Chain Of(IEnumerable<IGradientTransform> transforms, IPlayerOptimizer optimizer) => new(transforms, optimizer);

    public static Chain Of(IEnumerable<IGradientTransform> transforms, Optimizer optimizer) => new(transforms, new OptimizerAdapter(optimizer));

    public IReadOnlyList<IGradientTransform> Transforms { get; }
    public IPlayerOptimizer Optimizer { get; }

    /// <summary>Whether evaluations must keep their first-order gradients differentiable: any transform (double-backprop
    /// terms) or the optimiser's own need (DAL's exact Hessian-gradient product).</summary>
    public bool NeedsGraph => Transforms.Count > 0 || Optimizer.NeedsGraph;

    public void Check(ITwoPlayerGame game, SchemeKind scheme)
    {
        foreach (var t in Transforms) t.Check(game, scheme);
    }

    /// <summary>The gradient the optimiser will be handed for this evaluation, detached. The optimiser reads the
    /// evaluation first (DAL's curvature), then the transforms run on the own gradient, which is computed last
    /// (<see cref="DeferredGradient"/>).</summary>
    public Tensor[] Gradient(StepContext context)
    {
        Optimizer.Observe(context);
        var (ev, player) = (context.Evaluation, context.Player);
        IReadOnlyList<Tensor> g = new DeferredGradient(() =>
        {
            var own = ev.OwnGradient(player);
            using var _ = torch.NoGrad();
            return own.Select(x => x.Detach()).ToArray();
        });
        foreach (var t in Transforms) g = t.Update(g, context);
        return g.ToArray();
    }

    public void Step(IReadOnlyList<Tensor> gradient) => Optimizer.Step(gradient);
}
