using System.Text.Json;
using GameDrift.Io;

namespace GameDrift.Training;

/// <summary>The state of a run as written to status.json in its directory: running, finished, diverged, interrupted or failed.</summary>
public sealed record RunStatus(string State, long Step, string? Message = null)
{
    public const string Running = "running", Finished = "finished", Diverged = "diverged", Failed = "failed",
        Interrupted = "interrupted";
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void Save(string runDir)
    {
        var path = Path.Combine(runDir, "status.json");
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Options));
    }

    public static RunStatus? Load(string runDir)
    {
        var path = Path.Combine(runDir, "status.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<RunStatus>(File.ReadAllText(path), Options) : null;
    }
}
