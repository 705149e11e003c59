using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>One evaluation of a game at given parameters (phi, theta) on one batch. It computes lazily and
/// caches what a step needs: the losses, the four first-order gradients (two backward passes) and the
/// double-backprop terms of spec §5.1, so regularisers and diagnostics share them. Create it inside the
/// step's dispose scope and do not use it after the parameters change.</summary>
public sealed class GameEvaluation
{
    private readonly bool createGraph, bothBlocks, termsOnGraph;
    private (Tensor L1, Tensor L2)? losses;
    private Tensor[]? phiL1, thetaL1, phiL2, thetaL2;
    private (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta)? fieldGradients;
    private readonly Dictionary<(GradientTerm, PlayerRole, TermEstimator), Tensor[]> terms = new();
    private (GameEvaluation A, GameEvaluation B)? halves;

    /// <param name="createGraph">keep the first-order gradients differentiable (needed by any double-backprop term).</param>
    /// <param name="bothBlocks">differentiate each loss with respect to both players in one backward pass (cheapest
    /// when the cross gradients are wanted too); false differentiates only with respect to the player asked for, so a
    /// plain step skips, e.g., the generator's backward pass of the discriminator's loss. A block asked for later is
    /// computed then, so the answers do not depend on this choice.</param>
    /// <param name="termsOnGraph">keep the terms and the regularisers' gradients differentiable in the parameters, the
    /// stop-gradient factors included (analysis differentiates a regularised update map); implies createGraph.</param>
    public GameEvaluation(ITwoPlayerGame game, IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, GameBatch batch, bool createGraph,
        bool bothBlocks = true, bool termsOnGraph = false)
    {
        Game = game;
        Phi = phi;
        Theta = theta;
        Batch = batch;
        this.createGraph = createGraph || termsOnGraph;
        this.bothBlocks = bothBlocks;
        this.termsOnGraph = termsOnGraph;
    }

    /// <summary>Whether terms and regularisers' gradients stay on the graph (see the constructor).</summary>
    public bool TermsOnGraph => termsOnGraph;

    public ITwoPlayerGame Game { get; }
    /// <summary>The point: phi's parameters (the discriminator's), in order.</summary>
    public IReadOnlyList<Tensor> Phi { get; }
    /// <summary>The point: theta's parameters (the generator's), in order.</summary>
    public IReadOnlyList<Tensor> Theta { get; }
    public GameBatch Batch { get; }

    /// <summary>The player's parameters at this evaluation.</summary>
    public IReadOnlyList<Tensor> Parameters(PlayerRole player) => player == PlayerRole.Phi ? Phi : Theta;

    /// <summary>The game as a differentiable game, or a clear error for a field-only game.</summary>
    public IDifferentiableGame Differentiable => Game as IDifferentiableGame
        ?? throw new InvalidOperationException("this needs a differentiable game (losses L1, L2); the game only gives vector fields");

    public bool IsDifferentiable => Game is IDifferentiableGame;

    /// <summary>(L1, L2) on this batch.</summary>
    public (Tensor L1, Tensor L2) Losses => losses ??= Differentiable.Losses(Phi, Theta, Batch);

    /// <summary>The player's descent direction: its own loss gradient, or minus its field.</summary>
    public IReadOnlyList<Tensor> OwnGradient(PlayerRole player)
    {
        if (!IsDifferentiable)
        {
            fieldGradients ??= Game.Gradients(Phi, Theta, Batch);
            return player == PlayerRole.Phi ? fieldGradients.Value.Phi : fieldGradients.Value.Theta;
        }
        return Gradient(player == PlayerRole.Phi ? 1 : 2, player);
    }

    /// <summary>grad_wrt L_loss for loss 1 (phi's) or 2 (theta's).</summary>
    public IReadOnlyList<Tensor> Gradient(int loss, PlayerRole wrt)
    {
        if (loss is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(loss), "loss is 1 (L1) or 2 (L2)");
        ref var block = ref Block(loss, wrt);
        if (block is not null) return block;
        var l = loss == 1 ? Losses.L1 : Losses.L2;
        // Zero-sum games (L1 + L2 free of theta): grad_theta L2 = -grad_theta L1, so one loss's backward pass through
        // the generator gives both, and the other loss is differentiated for phi only.
        var mirror = Differentiable.IsZeroSum ? Block(3 - loss, PlayerRole.Theta) : null;
        if (mirror is not null && wrt == PlayerRole.Theta) block = Negate(mirror);
        else if (bothBlocks && mirror is not null)
            (Block(loss, PlayerRole.Phi), Block(loss, PlayerRole.Theta)) = (BackpropOne(l, Phi), Negate(mirror));
        else if (bothBlocks)
        {
            var (phi, theta) = Backprop(l);
            (Block(loss, PlayerRole.Phi), Block(loss, PlayerRole.Theta)) = (phi, theta);
        }
        else block = BackpropOne(l, Parameters(wrt));
        return Block(loss, wrt)!;
    }

    private Tensor[] Negate(Tensor[] gradient)
    {
        // Keeps the graph when the gradients are differentiable (terms differentiate through them).
        using var grad = torch.EnableGrad();
        return gradient.Select(g => -g).ToArray();
    }

    /// <summary>grad_wrt L_loss if it is already computed (diagnostics reuse it rather than pay for it).</summary>
    public bool TryGetGradient(int loss, PlayerRole wrt, out IReadOnlyList<Tensor> value)
    {
        var block = loss is 1 or 2 ? Block(loss, wrt) : null;
        value = block ?? Array.Empty<Tensor>();
        return block is not null;
    }

    private ref Tensor[]? Block(int loss, PlayerRole wrt)
    {
        if (loss == 1) return ref wrt == PlayerRole.Phi ? ref phiL1 : ref thetaL1;
        return ref wrt == PlayerRole.Phi ? ref phiL2 : ref thetaL2;
    }

    /// <summary>Whether a term is already computed (diagnostics reuse it rather than pay for it).</summary>
    public bool TryGetTerm(GradientTerm term, PlayerRole player, out Tensor[] value)
    {
        foreach (var est in new[] { TermEstimator.SameBatch, TermEstimator.SplitBatch })
            if (terms.TryGetValue((term, player, est), out value!)) return true;
        value = Array.Empty<Tensor>();
        return false;
    }

    /// <summary>A double-backprop term of spec §5.1 for <paramref name="player"/>: <c>grad_P( a · sg(b) )</c>.</summary>
    public IReadOnlyList<Tensor> Term(GradientTerm term, PlayerRole player, TermEstimator estimator)
    {
        var key = (term, player, estimator);
        if (terms.TryGetValue(key, out var cached)) return cached;
        if (!IsDifferentiable) return terms[key] = FieldTerm(term, player); // on a graph of its own
        if (!createGraph) throw new InvalidOperationException("double-backprop terms need an evaluation created with createGraph");
        var (diff, stop) = estimator == TermEstimator.SameBatch ? (this, this) : Halves();
        var p = player;
        var o = player.Other();
        int own = LossOf(p), other = LossOf(o);
        var (a, b) = term switch
        {
            GradientTerm.SelfNorm => (diff.Gradient(own, p), stop.Gradient(own, p)),
            GradientTerm.OtherNorm => (diff.Gradient(other, o), stop.Gradient(other, o)),
            _ => (diff.Gradient(own, o), stop.Gradient(other, o)),
        };
        // grad_P(a · sg(b)) is the vector-Jacobian product J_a^T b: b is the cotangent, a constant of this derivative
        // (differentiated only when the terms stay on the graph, so the update map's Jacobian sees it).
        var parameters = Parameters(p);
        var live = Enumerable.Range(0, a.Count).Where(i => a[i].RequiresGrad).ToArray();
        var r = live.Length == 0 // the term is identically zero here (e.g. a loss linear in the other player)
            ? parameters.Select(torch.ZerosLike).ToArray()
            : GradientMath.ZerosForUnused(Autograd.Grad(live.Select(i => a[i]).ToArray(), parameters,
                live.Select(i => termsOnGraph ? b[i] : b[i].Detach()).ToArray(), retainGraph: true, createGraph: termsOnGraph, allowUnused: true), parameters);
        terms[key] = r;
        return r;
    }

    private static int LossOf(PlayerRole p) => p == PlayerRole.Phi ? 1 : 2;

    // A game of fields only: the term from its fields (no batch to split: both factors at once). Every term is even in
    // the fields' sign, so the players' cached descent directions (-f, -g) serve as they are.
    private Tensor[] FieldTerm(GradientTerm term, PlayerRole player)
    {
        var (minusF, minusG) = fieldGradients ??= Game.Gradients(Phi, Theta, Batch);
        using var _ = torch.NewDisposeScope();
        var r = FieldTerms.Term(term, player, minusF, minusG, Phi, Theta, termsOnGraph);
        return r.Select(t => (termsOnGraph ? t : t.Detach()).MoveToOuterDisposeScope()).ToArray();
    }

    private (GameEvaluation A, GameEvaluation B) Halves()
    {
        if (halves is null)
        {
            var (a, b) = Batch.Split();
            halves = ReferenceEquals(a, Batch)
                ? (this, this) // nothing to split (batch-free game): both factors are exact
                : (new GameEvaluation(Game, Phi, Theta, a, createGraph: true, termsOnGraph: termsOnGraph),
                   new GameEvaluation(Game, Phi, Theta, b, createGraph: termsOnGraph));
        }
        return halves.Value;
    }

    private Tensor[] BackpropOne(Tensor loss, IReadOnlyList<Tensor> parameters) =>
        GradientMath.ZerosForUnused(Autograd.Grad(loss, parameters, retainGraph: true, createGraph: createGraph, allowUnused: true), parameters);

    private (Tensor[] Phi, Tensor[] Theta) Backprop(Tensor loss)
    {
        var all = Phi.Concat(Theta).ToArray();
        // One backward pass for both blocks; retain the graph: L1 and L2 share it, and terms differentiate it again.
        var g = GradientMath.ZerosForUnused(Autograd.Grad(loss, all, retainGraph: true, createGraph: createGraph, allowUnused: true), all);
        var n = Phi.Count;
        return (g[..n], g[n..]);
    }
}
