using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Torch;
using GameDrift.Transforms;

namespace GameDrift.Schemes;

/// <summary>An update scheme for a two-player game: it draws batches, takes each player's gradient at the point the
/// scheme prescribes, passes it through that player's <see cref="Chain"/> (regularisers' terms) and hands the result
/// to the chain's optimiser. The players' parameters are their optimisers' tensors. Every step runs inside a dispose
/// scope; parameters change in place only.</summary>
public abstract class UpdateScheme
{
    private readonly Chain phiChain, thetaChain;

    protected UpdateScheme(ITwoPlayerGame game, Chain phi, Chain theta, IBatchSource batches)
    {
        Game = game ?? throw new ArgumentNullException(nameof(game));
        phiChain = phi ?? throw new ArgumentNullException(nameof(phi));
        thetaChain = theta ?? throw new ArgumentNullException(nameof(theta));
        Batches = batches ?? throw new ArgumentNullException(nameof(batches));
    }

    public ITwoPlayerGame Game { get; }
    public IBatchSource Batches { get; }

    /// <summary>The measurements of the step's evaluations (e.g. <see cref="DiagnosticsMeasurement"/>): the diagnostics a
    /// step returns hold what the step and its observers computed; the rest (cross gradients, drift terms) are NaN.</summary>
    public IList<IEvaluationObserver> EvaluationObservers { get; } = new List<IEvaluationObserver>();

    private (bool Graph, bool BothBlocks) needs;

    public abstract SchemeKind Kind { get; }

    /// <summary>The scheme and the players' current learning rates, read afresh at every step.</summary>
    public virtual SchemeInfo Info => new(Kind, phiChain.Optimizer.LearningRate, thetaChain.Optimizer.LearningRate);

    public Chain PlayerChain(PlayerRole p) => p == PlayerRole.Phi ? phiChain : thetaChain;

    /// <summary>One step of the scheme (<see cref="UpdateRule"/> on the players' parameters, updated in place by their
    /// optimisers); returns the step's diagnostics.</summary>
    public StepDiagnostics Step()
    {
        if (!checkedChains)
        {
            phiChain.Check(Game, Kind);
            thetaChain.Check(Game, Kind);
            checkedChains = true;
        }
        needs = EvaluationObservers.Select(o => o.BeginStep()).Aggregate((Graph: false, BothBlocks: false), (a, b) => (a.Graph || b.Graph, a.BothBlocks || b.BothBlocks));
        using var scope = torch.NewDisposeScope();
        var oracle = new InPlaceOracle(this, Info);
        UpdateRule.Step(oracle.Scheme, Live(PlayerRole.Phi), Live(PlayerRole.Theta), oracle);
        return new StepDiagnostics(oracle.Diagnostics[0] ?? PlayerDiagnostics.Unmeasured, oracle.Diagnostics[1] ?? PlayerDiagnostics.Unmeasured);
    }

    private bool checkedChains;

    /// <summary>The player's parameters (its optimiser's, updated in place).</summary>
    public IReadOnlyList<Tensor> Live(PlayerRole p) => PlayerChain(p).Optimizer.Parameters;

    /// <summary>Whether a step reports each player's diagnostics at its first evaluation (RK4: the step's start point)
    /// rather than at its last (alternating: the player's last sub-step).</summary>
    protected virtual bool DiagnoseFirstEvaluation => false;

    /// <summary>A fresh evaluation on a fresh batch at the current parameters.</summary>
    private GameEvaluation Evaluate()
    {
        var createGraph = Game is IDifferentiableGame && (phiChain.NeedsGraph || thetaChain.NeedsGraph || needs.Graph);
        // A plain step needs each player's own gradient only: differentiating each loss for one player skips the
        // other network's backward pass. Anything that uses the cross gradients gets both blocks in one pass.
        return new(Game, Live(PlayerRole.Phi), Live(PlayerRole.Theta), Batches.Next(), createGraph, bothBlocks: createGraph || needs.BothBlocks);
    }

    /// <summary>The training answers to <see cref="UpdateRule"/>: the networks' parameters hold the point (moved there in
    /// place when the rule asks about another one), a fresh batch per evaluation, the players' chains for gradients and updates.</summary>
    private sealed class InPlaceOracle(UpdateScheme owner, SchemeInfo scheme) : IStepOracle
    {
        public SchemeInfo Scheme { get; } = scheme;
        public PlayerDiagnostics?[] Diagnostics { get; } = new PlayerDiagnostics?[2];

        public (IReadOnlyList<Tensor>? Phi, IReadOnlyList<Tensor>? Theta) Gradients(IReadOnlyList<Tensor> phi,
            IReadOnlyList<Tensor> theta, bool forPhi, bool forTheta)
        {
            Place(owner.Live(PlayerRole.Phi), phi);
            Place(owner.Live(PlayerRole.Theta), theta);
            var ev = owner.Evaluate();
            var gPhi = forPhi ? owner.phiChain.Gradient(new(ev, PlayerRole.Phi, Scheme)) : null;
            var gTheta = forTheta ? owner.thetaChain.Gradient(new(ev, PlayerRole.Theta, Scheme)) : null;
            if (forPhi) Record(ev, PlayerRole.Phi);
            if (forTheta) Record(ev, PlayerRole.Theta);
            return (gPhi, gTheta);
        }

        public IReadOnlyList<Tensor> Update(PlayerRole player, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> gradient)
        {
            var live = owner.Live(player);
            Place(live, parameters);
            owner.PlayerChain(player).Step(gradient);
            return live;
        }

        public IReadOnlyList<Tensor> Move(PlayerRole player, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> gradient, double c)
        {
            using var _ = torch.NoGrad();
            return parameters.Select((p, i) => p.Add(gradient[i], -c * Scheme.Lr(player))).ToArray();
        }

        public IReadOnlyList<Tensor> Keep(IReadOnlyList<Tensor> parameters)
        {
            using var _ = torch.NoGrad();
            return parameters.Select(p => p.Clone()).ToArray();
        }

        private void Record(GameEvaluation ev, PlayerRole player)
        {
            var i = player == PlayerRole.Phi ? 0 : 1;
            if (Diagnostics[i] is not null && owner.DiagnoseFirstEvaluation) return;
            Diagnostics[i]?.Dispose(); // an earlier sub-step's values, never read: free their device copy
            foreach (var o in owner.EvaluationObservers) o.Observe(ev, player);
            Diagnostics[i] = DiagnosticsProbe.Measure(ev, player);
        }

        private static void Place(IReadOnlyList<Tensor> live, IReadOnlyList<Tensor> point)
        {
            using var _ = torch.NoGrad();
            for (var i = 0; i < live.Count; i++)
                if (!ReferenceEquals(live[i], point[i])) live[i].Copy_(point[i]);
        }
    }
}
