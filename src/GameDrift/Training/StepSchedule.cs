using GameDrift.Diagnostics;

namespace GameDrift.Training;

/// <summary>What a run measures at a given step. Diagnostics that cost extra backward passes (cross gradients, drift
/// terms) are only taken on <c>log_every</c> and <c>diagnostics_every</c> steps; those steps and the last one write a
/// metrics row. What a step computes never depends on <c>steps</c>, so a run resumed with more steps stays bit-exact.</summary>
public static class StepSchedule
{
    public static bool Logs(RunConfig c, long step) => Measures(c, step).Cross || step == c.Steps;

    /// <summary>The measurement of a run's steps after <paramref name="stepsTaken"/>, for its scheme's evaluation observers:
    /// the cross-gradient norms on <c>log_every</c> and <c>diagnostics_every</c> steps, the drift terms on the latter.</summary>
    public static DiagnosticsMeasurement Measurement(RunConfig c, long stepsTaken) => new(s => Measures(c, s), stepsTaken);

    private static (bool Cross, bool Drift) Measures(RunConfig c, long step)
    {
        var drift = c.DiagnosticsEvery > 0 && step % c.DiagnosticsEvery == 0;
        return (drift || c.LogEvery > 0 && step % c.LogEvery == 0, drift);
    }
}
