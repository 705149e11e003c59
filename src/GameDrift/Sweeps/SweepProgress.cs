namespace GameDrift.Sweeps;

/// <summary>A running cell as the progress view shows it.</summary>
/// <param name="Activity">what the worker is busy with before its first step, e.g. training the fallback classifier (from its status.json).</param>
public sealed record RunningCell(string Name, long Step, long Steps, TimeSpan Elapsed, string? Activity = null);

/// <summary>A snapshot of a sweep: cells per state, the running ones, and the ETA from the step rate so far.</summary>
public sealed record SweepProgress(int Total, int Finished, int Diverged, int Failed, int Interrupted, int Pending,
    IReadOnlyList<RunningCell> Running, TimeSpan Elapsed, TimeSpan? Eta)
{
    public int Done => Finished + Diverged + Failed;
}

/// <summary>Receives a sweep's events; all calls come from the thread that runs the sweep.</summary>
public interface ISweepObserver
{
    void CellStarted(string cell, int processId, bool resumed);
    /// <param name="state">finished, diverged, failed or interrupted.</param>
    void CellEnded(string cell, string state, string? message);
    /// <summary>About once a second.</summary>
    void Tick(SweepProgress progress);
}
