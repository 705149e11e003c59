using System.Diagnostics;
using System.Globalization;
using GameDrift.Data;
using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Io.Images;
using GameDrift.Losses;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Torch.optim;

namespace GameDrift.Training;

/// <summary>Runs a GAN training job described by a <see cref="RunConfig"/> and writes its run directory:
/// config.yaml, metrics.csv, samples/step_NNNNNN.png, checkpoints/latest.pt, log.txt, status.json and tensorboard/.
/// Everything random is seeded from the config's seed, and a resumed run matches an uninterrupted one bit for bit (CPU).</summary>
public sealed class Trainer
{
    private readonly RunConfig config;
    private readonly ImageDataset? data;
    private TensorBoardLog? tensorBoard;

    /// <param name="data">overrides the game's and the config's data set (tests, custom data).</param>
    public Trainer(RunConfig config, string runDirectory, ImageDataset? data = null)
    {
        config.Validate();
        this.config = config;
        RunDirectory = runDirectory;
        this.data = data;
    }

    public string RunDirectory { get; }

    /// <summary>Also print log lines on the console.</summary>
    public bool EchoLog { get; init; }

    /// <summary>Delete an earlier run's outputs in the directory before a fresh start (without it such a start is refused).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Stops the run between two steps (e.g. on Ctrl-C): the step reached is checkpointed and the run ends
    /// as <see cref="RunStatus.Interrupted"/>.</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>The game to run instead of the one the config names (e.g. the ring of Gaussians, built from its own settings).</summary>
    public GameDefinition? Game { get; init; }

    public string CheckpointPath => Path.Combine(RunDirectory, "checkpoints", "latest.pt");

    /// <summary>Trains to <c>steps</c>, from the latest checkpoint when <paramref name="resume"/> is set.</summary>
    public TrainResult Run(bool resume = false, IProgressSink? progress = null)
    {
        if (resume && !File.Exists(CheckpointPath))
            throw new FileNotFoundException($"cannot resume: no checkpoint at {CheckpointPath}", CheckpointPath);
        var folder = RunFolder.Open(RunDirectory, resume, Overwrite);
        stepsTaken = 0;
        try
        {
            var result = RunIn(resume, progress);
            if (result.State == RunStatus.Interrupted && stepsTaken == 0 && !resume) folder.Discard();
            return result;
        }
        catch when (stepsTaken == 0 && !resume)
        {
            folder.Discard();
            throw;
        }
        finally { folder.Dispose(); }
    }

    private long stepsTaken;

    private TrainResult RunIn(bool resume, IProgressSink? progress)
    {
        Directory.CreateDirectory(Path.Combine(RunDirectory, "samples"));
        Directory.CreateDirectory(Path.Combine(RunDirectory, "checkpoints"));
        if (config.Threads > 0) torch.NumThreads = config.Threads;
        using var session = new TrainingSession(config, data, Game, RunDirectory);
        long step = 0;
        double wallOffset = 0;
        if (resume)
        {
            using var ckpt = Checkpoint.Load(CheckpointPath);
            session.Restore(ckpt);
            step = ckpt.Step;
            wallOffset = ckpt.WallTime;
        }
        session.Scheme.EvaluationObservers.Add(StepSchedule.Measurement(config, step));
        ConfigLoader.Save(config, Path.Combine(RunDirectory, "config.yaml"));
        using var log = new RunLog(Path.Combine(RunDirectory, "log.txt"), EchoLog);
        var images = session.Dataset is not null;
        using var evaluator = images ? RunEvaluator.Create(config, session.Dataset!, data is null && Game is null && Networks.RunGames.Resolve(config).LoadData is null,
            RunDirectory, log.Info, resume ? step : null, activity: a => new RunStatus(RunStatus.Running, step, a).Save(RunDirectory)) : null;
        using var metrics = new MetricsLog(Path.Combine(RunDirectory, "metrics.csv"),
            [.. StepDiagnostics.ColumnNames, .. session.Observers.SelectMany(o => o.Columns), .. evaluator?.Columns ?? []], resume ? step : null);
        using var tb = tensorBoard = new TensorBoardLog(RunDirectory);
        metrics.RowWritten += tb.Scalars;
        log.Info(resume ? $"resumed from step {step} ({CheckpointPath})" : $"started: game {config.Game}, scheme {config.Scheme}, " +
            $"optimizer {config.Optimizer}, regularisers '{config.Regularisers}', {config.Steps} steps, seed {config.Seed}");
        log.Info($"generator {session.Generator.ParameterCount} parameters, discriminator {session.Discriminator.ParameterCount} parameters");
        new RunStatus(RunStatus.Running, step).Save(RunDirectory);
        progress?.Begin(step);

        var clock = Stopwatch.StartNew();
        double Wall() => wallOffset + clock.Elapsed.TotalSeconds;
        // Losses and parameters are checked for NaN/Inf on the device; the check is read back only before the run
        // writes, saves or reads anything, so a step that logs nothing never waits for the device.
        using var watch = new DivergenceWatch();
        long savedGrid = -1, savedCheckpoint = resume ? step : -1;
        TrainResult Diverged((long Step, string What) bad)
        {
            var msg = $"diverged at step {bad.Step}: {bad.What} is NaN or Inf; the last good checkpoint is kept " +
                      (savedCheckpoint >= 0 ? $"(step {savedCheckpoint})" : "(none was written yet)");
            log.Info(msg);
            new RunStatus(RunStatus.Diverged, bad.Step, msg).Save(RunDirectory);
            return new TrainResult(RunStatus.Diverged, bad.Step, RunDirectory);
        }
        try
        {
            // A fresh run's starting point gets a row when an observer measures it (the ring's mode coverage at step 0).
            if (!resume && session.Observers.Any(o => o.Due(0)))
                metrics.Write(0, Wall(), session.Observers.SelectMany(o => o.Observe(0)).ToDictionary());
            var summary = "";
            while (step < config.Steps)
            {
                if (Stop.IsCancellationRequested)
                {
                    if (watch.Check() is { } badBeforeStop) return Diverged(badBeforeStop);
                    if (savedCheckpoint != step && stepsTaken > 0) session.SaveCheckpoint(CheckpointPath, step, Wall());
                    var msg = $"interrupted at step {step}" + (stepsTaken > 0 || resume ? $"; continue with --resume (checkpoint at step {step})" : "");
                    log.Info(msg);
                    new RunStatus(RunStatus.Interrupted, step, msg).Save(RunDirectory);
                    return new TrainResult(RunStatus.Interrupted, step, RunDirectory);
                }
                var next = step + 1;
                torch.ManualSeed(session.Seeds.GlobalAt(next));
                using var d = session.Scheme.Step();
                session.UpdateEma();
                watch.Record(next, d, session);
                step = next;
                stepsTaken++;
                var last = step == config.Steps;
                var evaluates = evaluator is not null && evaluator.Due(step);
                var logs = StepSchedule.Logs(config, step) || evaluates || session.Observers.Any(o => o.Due(step));
                var samples = images && (config.SampleEvery > 0 && step % config.SampleEvery == 0 || last);
                var saves = config.CheckpointEvery > 0 && step % config.CheckpointEvery == 0 || last;
                if ((logs || samples || saves || watch.Full) && watch.Check() is { } bad) return Diverged(bad);
                var evaluated = evaluates ? evaluator!.EvaluateStep(session, step, Wall()) : null;
                if (logs)
                {
                    metrics.Write(step, Wall(), Measured(d).Concat(evaluated ?? []).Concat(session.Observers.SelectMany(o => o.Observe(step))).ToDictionary());
                    summary = string.Create(CultureInfo.InvariantCulture, $"loss_d {d.D.Loss:F4} loss_g {d.G.Loss:F4}");
                }
                // Between logged steps the bar shows the last logged losses: reading this step's would wait for the device.
                progress?.Update(step, summary);
                if (samples)
                {
                    SaveGrid(session, step);
                    savedGrid = step;
                }
                if (saves)
                {
                    session.SaveCheckpoint(CheckpointPath, step, Wall());
                    savedCheckpoint = step;
                }
            }
            if (images && savedGrid != step) SaveGrid(session, step);
            log.Info($"finished at step {step} in {clock.Elapsed.TotalSeconds:F1} s");
            new RunStatus(RunStatus.Finished, step).Save(RunDirectory);
            return new TrainResult(RunStatus.Finished, step, RunDirectory);
        }
        catch (Exception e)
        {
            // A step past an unchecked divergence may fail on its NaNs: the divergence is the cause to report.
            (long, string)? cause = null;
            try { cause = watch.Check(); } catch (Exception) { /* the device itself failed: report the first error */ }
            if (cause is { } bad) return Diverged(bad);
            log.Info($"failed at step {step}: {e.Message}");
            new RunStatus(RunStatus.Failed, step, e.Message).Save(RunDirectory);
            throw;
        }
    }

    /// <summary>The diagnostics that were measured at this step: terms not measured (NaN) are left out, so their
    /// cells are blank, as the README says.</summary>
    private static Dictionary<string, double> Measured(StepDiagnostics d) =>
        d.ToColumns().Where(kv => !double.IsNaN(kv.Value)).ToDictionary();

    /// <summary>The sample grid of the fixed latents, in evaluation mode (BN running statistics), from the EMA
    /// generator when there is one.</summary>
    private void SaveGrid(TrainingSession s, long step)
    {
        var path = Path.Combine(RunDirectory, "samples", $"step_{step:D6}.png");
        var images = s.Sample();
        var (n, c, h, w) = ((int)images.Shape[0], (int)images.Shape[1], (int)images.Shape[2], (int)images.Shape[3]);
        ImageGrid.Save(path, images.Data, n, c, h, w);
        tensorBoard?.Image(path, step);
    }
}
