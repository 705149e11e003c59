using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>An explicit drift regulariser for the toy updates: adds back (weight +1: cancels), leaves (0) or doubles
/// (-1: strengthens) the drift terms of the modified flow, with the coefficients of <see cref="Form"/>.
/// Per player, with the drift written as field - c * term, the regularised field is field + weight * c * term.</summary>
/// <param name="Form">Paper (official code, §3.2/§5.1) or single-clock (§3.3) coefficients.</param>
/// <param name="Interaction">Weight on the interaction terms f_theta g and g_phi f.</param>
/// <param name="Self">Weight on the self terms f_phi f and g_theta g.</param>
public sealed record DriftRegulariser(DriftForm Form, double Interaction = 1, double Self = 0)
{
    /// <summary>Cancels the interaction terms with the given coefficients.</summary>
    public static DriftRegulariser CancelInteraction(DriftForm form) => new(form, 1, 0);

    /// <summary>Coefficients (self, interaction) for player phi: both eta_phi/2 in the paper form; the interaction
    /// uses eta_theta/2 on the single clock (§4.1 rule of thumb: the other player's learning rate).</summary>
    public (Tensor Self, Tensor Interaction) PhiCoefficients(Tensor etaPhi, Tensor etaTheta) =>
        (etaPhi * 0.5, Form == DriftForm.Paper ? etaPhi * 0.5 : etaTheta * 0.5);

    /// <summary>Coefficients (self, interaction) for player theta. Paper: eta_theta/2 and eta_theta/2 (1 - 2 eta_phi/eta_theta)
    /// when alternating; single clock: eta_phi/2, and -eta_phi/2 when alternating.</summary>
    public (Tensor Self, Tensor Interaction) ThetaCoefficients(EulerScheme scheme, Tensor etaPhi, Tensor etaTheta) =>
        (etaTheta * 0.5, (Form, scheme) switch
        {
            (DriftForm.Paper, EulerScheme.Simultaneous) => etaTheta * 0.5,
            (DriftForm.Paper, _) => etaTheta * 0.5 - etaPhi,
            (_, EulerScheme.Simultaneous) => etaPhi * 0.5,
            _ => etaPhi * -0.5,
        });

    /// <summary>Parses "none", "cancel-interaction" (single-clock coefficients), "cancel-interaction-paper",
    /// "cancel-all", "cancel-all-paper"; null for "none".</summary>
    public static DriftRegulariser? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" => null,
        "cancel-interaction" or "cancel-interaction-single-clock" => CancelInteraction(DriftForm.SingleClock),
        "cancel-interaction-paper" => CancelInteraction(DriftForm.Paper),
        "cancel-all" or "cancel-all-single-clock" => new(DriftForm.SingleClock, 1, 1),
        "cancel-all-paper" => new(DriftForm.Paper, 1, 1),
        _ => throw new ArgumentException(
            $"unknown toy regulariser '{name}'; expected none, cancel-interaction[-paper] or cancel-all[-paper]", nameof(name)),
    };

    /// <summary>Short name for outputs.</summary>
    public override string ToString() =>
        (Interaction, Self) switch { (1, 0) => "cancel-interaction", (1, 1) => "cancel-all", _ => $"drift(i={Interaction},s={Self})" }
        + (Form == DriftForm.Paper ? "-paper" : "");
}
