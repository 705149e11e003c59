namespace GameDrift.Training;

/// <summary>How a run ended: <see cref="RunStatus.Finished"/> or <see cref="RunStatus.Diverged"/>, at which step.</summary>
public sealed record TrainResult(string State, long Step, string RunDirectory)
{
    public bool Diverged => State == RunStatus.Diverged;
}
