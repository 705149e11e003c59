using GameDrift.Diagnostics;

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

    /// <summary>The measurement of a run's steps after <paramref name="stepsTaken"/>, for its scheme's evaluation observers.</summary>
    public static DiagnosticsMeasurement Measurement(RunConfig c, long stepsTaken) => new(s => (Measures(c, s), MeasuresDrift(c, s)), stepsTaken);
}
