using GameDrift.Schemes;

namespace GameDrift.Training;

/// <summary>What a run measures at a given step. Diagnostics that cost extra backward passes (cross gradients, drift
/// terms) are only taken on <c>log_every</c> and <c>diagnostics_every</c> steps; those steps and the last one write a
/// metrics row. What a step computes never depends on <c>steps</c>, so a run resumed with more steps stays bit-exact.</summary>
public static class StepSchedule
{
    public static bool Logs(RunConfig c, long step) => Measures(c, step) || step == c.Steps;

    /// <summary>A <c>log_every</c> or <c>diagnostics_every</c> step: the cross-gradient norms are measured.</summary>
    public static bool Measures(RunConfig c, long step) => c.LogEvery > 0 && step % c.LogEvery == 0 || MeasuresDrift(c, step);

    public static bool MeasuresDrift(RunConfig c, long step) => c.DiagnosticsEvery > 0 && step % c.DiagnosticsEvery == 0;

    /// <summary>Sets the scheme's measurement switches for <paramref name="step"/> before it is taken.</summary>
    public static void Prepare(UpdateScheme scheme, RunConfig c, long step)
    {
        scheme.MeasureDrift = MeasuresDrift(c, step);
        scheme.MeasureCrossGradients = Measures(c, step);
    }
}
