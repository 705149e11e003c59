using GameDrift.Sweeps;

namespace GameDrift.Tests.Sweeps;

/// <summary>A written sweep of tiny Fashion-MNIST DCGAN runs (synthetic data) in a temporary directory.</summary>
internal sealed class SweepFixture : IDisposable
{
    private readonly TempDirectory tmp = new();

    /// <param name="axes">the axes block of the sweep (YAML, indented by two spaces).</param>
    public SweepFixture(int steps, string axes, bool write = true)
    {
        var data = TinyData.Write(tmp.Combine("data"));
        File.WriteAllText(tmp.Combine("base.yaml"), TinyData.BaseConfig(data, steps));
        SweepFile = tmp.Combine("tiny.yaml");
        File.WriteAllText(SweepFile, "name: tiny\nbase: base.yaml\naxes:\n" + axes);
        Dir = tmp.Combine("sweep");
        Plan = SweepPlan.Expand(SweepConfig.Load(SweepFile));
        if (write) SweepLayout.Write(Plan, Dir);
    }

    public string Root => tmp.Path;
    public string SweepFile { get; }
    public string Dir { get; }
    public SweepPlan Plan { get; }

    public string CellDir(int i) => Path.Combine(Dir, Plan.Cells[i].RelativePath);

    public void Dispose() => tmp.Dispose();
}

/// <summary>Records the events of a sweep; optionally acts when a cell starts.</summary>
internal sealed class RecordingObserver(Action<string, int>? onStart = null) : ISweepObserver
{
    public List<(string Cell, string State)> Ended { get; } = [];
    public List<(string Cell, bool Resumed)> Started { get; } = [];
    public SweepProgress? Last { get; private set; }

    public void CellStarted(string cell, int processId, bool resumed)
    {
        Started.Add((cell, resumed));
        onStart?.Invoke(cell, processId);
    }

    public void CellEnded(string cell, string state, string? message) => Ended.Add((cell, state));

    public void Tick(SweepProgress progress) => Last = progress;
}
