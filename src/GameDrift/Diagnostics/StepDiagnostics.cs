namespace GameDrift.Diagnostics;

/// <summary>One step's diagnostics for both players, flattened to named columns for a CSV row.</summary>
public sealed record StepDiagnostics(PlayerDiagnostics Phi, PlayerDiagnostics Theta)
{
    /// <summary>Column names in <see cref="ToColumns"/> order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = new[]
    {
        "loss_d", "grad_d_loss_d", "grad_d_loss_g", "self_drift_d", "interaction_drift_d",
        "loss_g", "grad_g_loss_g", "grad_g_loss_d", "self_drift_g", "interaction_drift_g",
    };

    /// <summary>The values keyed by <see cref="ColumnNames"/> (gradient norms named by what they differentiate).</summary>
    public IReadOnlyDictionary<string, double> ToColumns()
    {
        var v = new[]
        {
            Phi.Loss, Phi.OwnGradNorm, Phi.OtherGradNorm, Phi.SelfDriftNorm, Phi.InteractionDriftNorm,
            Theta.Loss, Theta.OwnGradNorm, Theta.OtherGradNorm, Theta.SelfDriftNorm, Theta.InteractionDriftNorm,
        };
        var d = new Dictionary<string, double>();
        for (var i = 0; i < v.Length; i++) d[ColumnNames[i]] = v[i];
        return d;
    }
}
