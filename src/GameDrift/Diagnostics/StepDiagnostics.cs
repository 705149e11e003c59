namespace GameDrift.Diagnostics;

/// <summary>One step's diagnostics for both players (D = the discriminator phi, G = the generator theta), flattened to named columns for a CSV row. Disposing it frees
/// the device copies of values that were never read.</summary>
public sealed record StepDiagnostics(PlayerDiagnostics D, PlayerDiagnostics G) : IDisposable
{
    /// <summary>Column names in <see cref="ToColumns"/> order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = new[]
    {
        "loss_d", "grad_d_loss_d", "grad_d_loss_g", "self_drift_d", "interaction_drift_d",
        "loss_g", "grad_g_loss_g", "grad_g_loss_d", "self_drift_g", "interaction_drift_g",
    };

    /// <summary>The values keyed by <see cref="ColumnNames"/> (gradient norms named by what they differentiate).
    /// Reads them to the host.</summary>
    public IReadOnlyDictionary<string, double> ToColumns()
    {
        var v = new[]
        {
            D.Loss, D.OwnGradNorm, D.OtherGradNorm, D.SelfDriftNorm, D.InteractionDriftNorm,
            G.Loss, G.OwnGradNorm, G.OtherGradNorm, G.SelfDriftNorm, G.InteractionDriftNorm,
        };
        var d = new Dictionary<string, double>();
        for (var i = 0; i < v.Length; i++) d[ColumnNames[i]] = v[i];
        return d;
    }

    public void Dispose()
    {
        D.Dispose();
        G.Dispose();
    }
}
