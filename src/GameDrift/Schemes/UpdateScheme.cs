using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Torch;

namespace GameDrift.Schemes;

/// <summary>An update scheme for a two-player game: it draws batches, takes each player's gradient at the point the
/// scheme prescribes, adds the regularisers' terms and hands the sum to that player's optimiser. Every step runs
/// inside a dispose scope; parameters change in place only.</summary>
public abstract class UpdateScheme
{
    private readonly IPlayerOptimizer phiOptimizer, thetaOptimizer;

    protected UpdateScheme(ITwoPlayerGame game, IPlayerOptimizer phiOptimizer, IPlayerOptimizer thetaOptimizer,
        IBatchSource batches, IEnumerable<IRegulariser>? regularisers)
    {
        Game = game ?? throw new ArgumentNullException(nameof(game));
        this.phiOptimizer = phiOptimizer ?? throw new ArgumentNullException(nameof(phiOptimizer));
        this.thetaOptimizer = thetaOptimizer ?? throw new ArgumentNullException(nameof(thetaOptimizer));
        Batches = batches ?? throw new ArgumentNullException(nameof(batches));
        Regularisers = regularisers?.ToArray() ?? Array.Empty<IRegulariser>();
    }

    public ITwoPlayerGame Game { get; }
    public IBatchSource Batches { get; }
    public IReadOnlyList<IRegulariser> Regularisers { get; }

    /// <summary>Also measure the drift-term norms when no regulariser computes them (one double-backward per term).
    /// Read at every step, so a runner can switch it on for some steps only.</summary>
    public bool MeasureDrift { get; set; }

    /// <summary>Measure the cross-gradient norms (<c>||grad_phi L2||</c>, <c>||grad_theta L1||</c>) when no regulariser
    /// computes them. They cost a backward pass through both networks per loss, so a runner that logs every k-th step
    /// switches this off in between; unmeasured norms are NaN. Read at every step.</summary>
    public bool MeasureCrossGradients { get; set; } = true;

    public abstract SchemeKind Kind { get; }

    /// <summary>The scheme and the players' current learning rates, read afresh at every step.</summary>
    public virtual SchemeInfo Info => new(Kind, phiOptimizer.LearningRate, thetaOptimizer.LearningRate);

    public IPlayerOptimizer Optimizer(PlayerRole p) => p == PlayerRole.Phi ? phiOptimizer : thetaOptimizer;

    /// <summary>One step of the scheme; returns the step's diagnostics.</summary>
    public StepDiagnostics Step()
    {
        if (!checkedRegularisers)
        {
            foreach (var r in Regularisers) r.Check(Game, Kind);
            checkedRegularisers = true;
        }
        using var scope = torch.NewDisposeScope();
        return StepCore(Info);
    }

    private bool checkedRegularisers;

    protected abstract StepDiagnostics StepCore(SchemeInfo info);

    /// <summary>A fresh evaluation on a fresh batch at the current parameters.</summary>
    protected GameEvaluation Evaluate()
    {
        var createGraph = Game is DifferentiableGame && (Regularisers.Count > 0 || MeasureDrift
            || phiOptimizer is IEvaluationAwareOptimizer { NeedsGraph: true } || thetaOptimizer is IEvaluationAwareOptimizer { NeedsGraph: true });
        // A plain step needs each player's own gradient only: differentiating each loss for one player skips the
        // other network's backward pass. Anything that uses the cross gradients gets both blocks in one pass.
        return new(Game, Batches.Next(), createGraph, bothBlocks: createGraph || MeasureCrossGradients);
    }

    /// <summary>The gradient handed to <paramref name="player"/>'s optimiser: its own descent direction plus every
    /// regulariser's term (spec §5.1, "player gradient actually applied"), detached from the graph.</summary>
    protected Tensor[] RegularisedGradient(GameEvaluation ev, SchemeInfo info, PlayerRole player)
    {
        (Optimizer(player) as IEvaluationAwareOptimizer)?.Observe(ev, player);
        var extras = Regularisers.Select(r => r.Gradient(ev, info, player)).Where(t => t is not null).ToArray();
        var own = ev.OwnGradient(player);
        using var _ = torch.NoGrad();
        var sum = own.Select(g => g.Detach()).ToArray();
        foreach (var extra in extras)
            for (var i = 0; i < sum.Length; i++) sum[i] = sum[i] + extra![i];
        return sum;
    }

    protected PlayerDiagnostics Diagnose(GameEvaluation ev, PlayerRole player) =>
        DiagnosticsProbe.Measure(ev, player, MeasureDrift, MeasureCrossGradients);
}
