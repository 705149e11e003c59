namespace GameDrift.Training;

/// <summary>log.txt of a run: timestamped lines, flushed at once so a killed run keeps its log.</summary>
public sealed class RunLog : IDisposable
{
    private readonly StreamWriter writer;
    private readonly bool echo;

    public RunLog(string path, bool echoToConsole = false)
    {
        writer = new StreamWriter(path, append: true) { AutoFlush = true };
        echo = echoToConsole;
    }

    public void Info(string message)
    {
        writer.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss}Z {message}");
        if (echo) Console.WriteLine(message);
    }

    public void Dispose() => writer.Dispose();
}
