namespace GameDrift.Diagnostics;

/// <summary>Per-player numbers of one step, taken where that player's gradient was taken. For player P with
/// other player O: <c>Loss = L_P</c>, <c>OwnGradNorm = ||grad_P L_P||</c>, <c>OtherGradNorm = ||grad_P L_O||</c>,
/// <c>SelfDriftNorm = ||1/2 grad_P ||grad_P L_P||^2||</c> and <c>InteractionDriftNorm = ||grad_P(grad_O L_P · sg grad_O L_O)||</c>
/// (spec §1.2, the raw terms before any learning-rate coefficient). NaN when not measured or not defined
/// (a field-only game has no losses).</summary>
public sealed record PlayerDiagnostics(double Loss, double OwnGradNorm, double OtherGradNorm,
    double SelfDriftNorm, double InteractionDriftNorm)
{
    public static PlayerDiagnostics Unmeasured { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
}
