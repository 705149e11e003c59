using GameDrift.Schemes;

namespace GameDrift.Training;

/// <summary>What a run measures at a given step. Diagnostics that cost extra backward passes (cross gradients, drift
/// terms) are only taken on steps that write a metrics row: <c>log_every</c> steps, <c>diagnostics_every</c> steps
/// and the last step.</summary>
public static class StepSchedule
{
    public static bool Logs(RunConfig c, long step) =>
        c.LogEvery > 0 && step % c.LogEvery == 0 || step == c.Steps || MeasuresDrift(c, step);

    public static bool MeasuresDrift(RunConfig c, long step) => c.DiagnosticsEvery > 0 && step % c.DiagnosticsEvery == 0;

    /// <summary>Sets the scheme's measurement switches for <paramref name="step"/> before it is taken.</summary>
    public static void Prepare(UpdateScheme scheme, RunConfig c, long step)
    {
        scheme.MeasureDrift = MeasuresDrift(c, step);
        scheme.MeasureCrossGradients = Logs(c, step);
    }
}
