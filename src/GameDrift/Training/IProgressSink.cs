namespace GameDrift.Training;

/// <summary>Receives progress from a training loop (the command line shows it; the library has no console UI).</summary>
public interface IProgressSink
{
    /// <summary>Called once before the first step with the step the run starts from (the checkpoint's on resume).</summary>
    void Begin(long startStep) { }

    void Update(long step, string summary);
}
