using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>Explicit drift regulariser (spec §4.1, §5.1): adds <c>m_self * d_self * SelfNorm + m_int * d_int * OtherDotProduct</c>
/// to each selected player's gradient, with multipliers -1 (cancel), 0 (leave), +1 (strengthen) and the drift
/// coefficients d read from the scheme and the players' current learning rates. General-sum: the interaction term
/// keeps the stop-gradient dot-product form.</summary>
public sealed class DriftRegulariser : ITermRegulariser
{
    public DriftRegulariser(double selfMultiplier, double interactionMultiplier,
        DriftConvention convention = DriftConvention.Paper, TermEstimator estimator = TermEstimator.SplitBatch,
        IReadOnlyCollection<PlayerRole>? players = null, string? name = null)
    {
        if (!double.IsFinite(selfMultiplier) || !double.IsFinite(interactionMultiplier))
            throw new ArgumentException("drift multipliers must be finite");
        SelfMultiplier = selfMultiplier;
        InteractionMultiplier = interactionMultiplier;
        Convention = convention;
        Estimator = estimator;
        Players = players ?? new[] { PlayerRole.Phi, PlayerRole.Theta };
        Name = name ?? $"drift(self={selfMultiplier},interaction={interactionMultiplier})";
    }

    /// <summary>Cancel both players' interaction terms (the paper's main regulariser, §5.2).</summary>
    public static DriftRegulariser CancelInteraction(DriftConvention c = DriftConvention.Paper, TermEstimator e = TermEstimator.SplitBatch) =>
        new(0, -1, c, e, name: "cancel-interaction");

    /// <summary>Cancel both players' self terms.</summary>
    public static DriftRegulariser CancelSelf(DriftConvention c = DriftConvention.Paper, TermEstimator e = TermEstimator.SplitBatch) =>
        new(-1, 0, c, e, name: "cancel-self");

    /// <summary>Double both players' self terms (the README's "strengthen self terms").</summary>
    public static DriftRegulariser StrengthenSelf(DriftConvention c = DriftConvention.Paper, TermEstimator e = TermEstimator.SplitBatch) =>
        new(+1, 0, c, e, name: "strengthen-self");

    public string Name { get; }
    public double SelfMultiplier { get; }
    public double InteractionMultiplier { get; }
    public DriftConvention Convention { get; }
    public TermEstimator Estimator { get; }
    public IReadOnlyCollection<PlayerRole> Players { get; }

    public void Check(ITwoPlayerGame game, SchemeKind scheme)
    {
        // A field-only game is fine: the self and interaction terms are Jacobian-vector products of its fields.
        if (scheme == SchemeKind.RungeKutta4) throw new NotSupportedException($"{Name}: drift regularisers are defined for Euler updates, not RK4");
    }

    public IReadOnlyList<Tensor>? Gradient(GameEvaluation ev, SchemeInfo scheme, PlayerRole player) =>
        this.TermGradient(ev, scheme, player, 1);

    /// <summary>The player's applied gradient behaves as <c>grad L_P + d_self SelfNorm + d_int OtherDotProduct</c>
    /// ([DD] Theorems 3.1 (simultaneous) and 3.2 (alternating), spec §3.2; coefficients in the §5.1 table); this adds
    /// <c>m_self d_self SelfNorm + m_int d_int OtherDotProduct</c>, so m = -1 cancels a term and +1 doubles it.</summary>
    public IReadOnlyList<TermPart> Parts(SchemeInfo scheme, PlayerRole player)
    {
        if (!Players.Contains(player)) return Array.Empty<TermPart>();
        var parts = new List<TermPart>();
        if (SelfMultiplier != 0)
            parts.Add(new(GradientTerm.SelfNorm, SelfMultiplier, DriftCoefficients.SelfMix(Convention, scheme, player)));
        if (InteractionMultiplier != 0)
            parts.Add(new(GradientTerm.OtherDotProduct, InteractionMultiplier, DriftCoefficients.InteractionMix(Convention, scheme, player)));
        return parts;
    }
}
