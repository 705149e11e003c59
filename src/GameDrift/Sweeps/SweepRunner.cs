using System.Diagnostics;
using GameDrift.Training;

namespace GameDrift.Sweeps;

/// <summary>What a sweep session ended with.</summary>
public sealed record SweepSummary(int Finished, int Diverged, int Failed, int Interrupted, int Pending, string CsvPath, TimeSpan Elapsed);

/// <summary>Runs the cells of a written sweep directory in parallel worker processes (<c>gamedrift train</c>, one
/// per cell). Cells already finished or diverged are skipped; the others start fresh, or resume when they have a
/// checkpoint. A cell that diverges or crashes is marked in its status.json and the sweep goes on; cancelling
/// kills the workers and marks their cells interrupted. sweep.csv is rewritten whenever a cell ends.</summary>
public sealed class SweepRunner
{
    private readonly string dir;
    private readonly WorkerCommand command;

    public SweepRunner(string sweepDirectory, WorkerCommand command, int workers)
    {
        if (workers < 1) throw new ArgumentException($"--workers must be at least 1 (got {workers})");
        dir = Path.GetFullPath(sweepDirectory);
        this.command = command;
        Workers = workers;
        ThreadsPerWorker = Math.Max(1, Environment.ProcessorCount / workers);
    }

    public int Workers { get; }
    /// <summary>libtorch threads of each worker whose config leaves <c>threads</c> at 0.</summary>
    public int ThreadsPerWorker { get; init; }
    public ISweepObserver? Observer { get; init; }

    private sealed class Worker(SweepLayout.CellEntry cell, Process process, StreamWriter log, long startStep, long steps)
    {
        public SweepLayout.CellEntry Cell { get; } = cell;
        public Process Process { get; } = process;
        public StreamWriter Log { get; } = log;
        public long StartStep { get; } = startStep;
        public long Steps { get; } = steps;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public string? LastError { get; set; }
        public long Step { get; set; } = startStep;
    }

    public SweepSummary Run(CancellationToken cancel = default)
    {
        using var lockFile = Lock();
        var clock = Stopwatch.StartNew();
        var cells = SweepLayout.ReadCells(dir);
        var states = new Dictionary<string, string>();
        var steps = new Dictionary<string, long>();
        var queue = new Queue<SweepLayout.CellEntry>();
        long progressed = 0;
        foreach (var c in cells)
        {
            var r = CellResult.Read(CellDir(c));
            steps[c.Name] = StepsOf(c);
            // Failed, interrupted and unfinished cells run again (resuming from their checkpoint when there is one).
            states[c.Name] = r.State is RunStatus.Finished or RunStatus.Diverged ? r.State : SweepTable.Pending;
            if (states[c.Name] == SweepTable.Pending) queue.Enqueue(c);
        }
        var csv = SweepTable.Write(dir);
        var running = new List<Worker>();
        var lastTick = double.NegativeInfinity;
        try
        {
            while (true)
            {
                while (!cancel.IsCancellationRequested && running.Count < Workers && queue.Count > 0)
                {
                    var w = Start(queue.Dequeue(), steps);
                    running.Add(w);
                    states[w.Cell.Name] = RunStatus.Running;
                    Observer?.CellStarted(w.Cell.Name, w.Process.Id, w.StartStep > 0);
                }
                if (running.Count == 0) break;
                cancel.WaitHandle.WaitOne(200);
                var stopping = cancel.IsCancellationRequested;
                foreach (var w in running.ToArray())
                {
                    if (stopping) Kill(w);
                    else if (!w.Process.HasExited) continue;
                    var (state, message) = Complete(w, stopping);
                    progressed += Math.Max(0, w.Step - w.StartStep);
                    states[w.Cell.Name] = state;
                    running.Remove(w);
                    csv = SweepTable.Write(dir);
                    Observer?.CellEnded(w.Cell.Name, state, message);
                }
                if (Observer != null && clock.Elapsed.TotalSeconds - lastTick >= 1)
                {
                    lastTick = clock.Elapsed.TotalSeconds;
                    Observer.Tick(Snapshot(cells, states, steps, running, queue, progressed, clock.Elapsed));
                }
            }
        }
        finally
        {
            // Never leave orphaned workers behind, whatever stopped the loop.
            foreach (var w in running) Kill(w);
        }
        csv = SweepTable.Write(dir);
        var final = Snapshot(cells, states, steps, running, queue, progressed, clock.Elapsed);
        Observer?.Tick(final);
        return new SweepSummary(final.Finished, final.Diverged, final.Failed, final.Interrupted, final.Pending, csv, clock.Elapsed);
    }

    private string CellDir(SweepLayout.CellEntry c) => Path.Combine(dir, c.RelativePath);

    /// <summary>The message of a running cell's status.json (set while it trains or waits for the fallback classifier).</summary>
    private static string? Activity(string cellDir)
    {
        try { return RunStatus.Load(cellDir) is { State: RunStatus.Running, Message: { Length: > 0 } m } ? m : null; }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException) { return null; }
    }

    private long StepsOf(SweepLayout.CellEntry c)
    {
        try { return ConfigLoader.Load(Path.Combine(CellDir(c), "config.yaml")).Steps; }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException) { return 0; }
    }

    /// <summary>One sweep process per directory: a second one would run the same cells twice.</summary>
    private FileStream Lock()
    {
        var path = Path.Combine(dir, ".sweep.lock");
        try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose); }
        catch (IOException) { throw new ArgumentException($"another gamedrift sweep is running in {dir} ({path} is locked)"); }
    }

    private Worker Start(SweepLayout.CellEntry cell, Dictionary<string, long> steps)
    {
        var cellDir = CellDir(cell);
        var checkpoint = Path.Combine(cellDir, "checkpoints", "latest.pt");
        var resume = File.Exists(checkpoint);
        var overrides = new List<string>();
        if (cell.WorkerThreads) overrides.Add($"threads={ThreadsPerWorker}");
        var psi = command.Train(Path.Combine(cellDir, "config.yaml"), cellDir, resume, overrides);
        var log = new StreamWriter(Path.Combine(cellDir, SweepLayout.WorkerLog), append: true) { AutoFlush = true };
        log.WriteLine($"# {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {psi.FileName} {string.Join(" ", psi.ArgumentList)}");
        var startStep = resume ? CellResult.LastLoggedStep(cellDir) ?? 0 : 0;
        var process = new Process { StartInfo = psi };
        Worker? worker = null;
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lock (log) log.WriteLine(e.Data);
            if (e.Data.Trim().Length > 0 && worker != null) worker.LastError = e.Data.Trim();
        };
        if (!process.Start()) throw new InvalidOperationException($"could not start a worker for {cell.Name}");
        worker = new Worker(cell, process, log, startStep, steps[cell.Name]);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    private static void Kill(Worker w)
    {
        try { w.Process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }

    /// <summary>Classifies a worker's end and, unless the run itself said how it ended, records it in status.json.</summary>
    private (string State, string? Message) Complete(Worker w, bool stopped)
    {
        w.Process.WaitForExit();
        var code = w.Process.ExitCode;
        w.Process.Dispose();
        var cellDir = CellDir(w.Cell);
        var result = CellResult.Read(cellDir);
        w.Step = result.Step ?? w.Step;
        string state;
        string? message = null;
        if (code == 0 && result.State == RunStatus.Finished) state = RunStatus.Finished;
        else if (code == 3 && result.State == RunStatus.Diverged) { state = RunStatus.Diverged; message = $"diverged at step {result.Step}"; }
        // 130/143: the worker got SIGINT/SIGTERM itself (Ctrl-C reaches the whole process group).
        else if (stopped || code is 130 or 143)
        {
            state = SweepTable.Interrupted;
            message = $"stopped at step {w.Step}; continue with gamedrift sweep --resume";
        }
        else
        {
            state = RunStatus.Failed;
            var signal = code > 128 && code < 160 ? $" (signal {code - 128})" : "";
            message = $"worker exited with code {code}{signal}" + (w.LastError is null ? "" : $": {w.LastError}");
        }
        if (state is RunStatus.Failed or SweepTable.Interrupted) new RunStatus(state, w.Step, message).Save(cellDir);
        lock (w.Log) { w.Log.WriteLine($"# worker exited with code {code}: {state}"); w.Log.Dispose(); }
        return (state, message);
    }

    private SweepProgress Snapshot(IReadOnlyList<SweepLayout.CellEntry> cells, Dictionary<string, string> states,
        Dictionary<string, long> steps, List<Worker> running, Queue<SweepLayout.CellEntry> queue, long progressed, TimeSpan elapsed)
    {
        var live = running.Select(w =>
        {
            w.Step = Math.Max(w.Step, CellResult.LastLoggedStep(CellDir(w.Cell)) ?? 0);
            return new RunningCell(w.Cell.Name, w.Step, w.Steps, w.Clock.Elapsed, Activity(CellDir(w.Cell)));
        }).ToArray();
        int Count(string s) => states.Values.Count(v => v == s);
        var done = progressed + running.Sum(w => Math.Max(0, w.Step - w.StartStep));
        var remaining = queue.Sum(c => steps[c.Name]) + running.Sum(w => Math.Max(0, w.Steps - w.Step));
        TimeSpan? eta = done > 0 && elapsed.TotalSeconds > 0 ? TimeSpan.FromSeconds(remaining * elapsed.TotalSeconds / done) : null;
        if (queue.Count == 0 && running.Count == 0) eta = TimeSpan.Zero;
        return new SweepProgress(cells.Count, Count(RunStatus.Finished), Count(RunStatus.Diverged), Count(RunStatus.Failed),
            Count(SweepTable.Interrupted), Count(SweepTable.Pending), live, elapsed, eta);
    }
}
