using System.Diagnostics;
using GameDrift.Torch;
using GameDrift.Tests.Support;
using GameDrift.Training;

namespace GameDrift.Tests.Cli;

/// <summary><c>gamedrift train</c> killed with SIGKILL mid-way and resumed with <c>--resume</c> ends at the same
/// parameters, bit for bit, as an uninterrupted run with the same seed; every kill leaves a loadable checkpoint.</summary>
public class TrainKillResumeTests
{
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";
    private const int Steps = 40;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // Momentum (optimiser state), BN running statistics and the drift regulariser all have to survive the restart.
    // A checkpoint every step makes kills likely to land during a checkpoint write.
    private static string Config(string dir)
    {
        var path = Path.Combine(dir, "tiny.yaml");
        File.WriteAllText(path, $"""
            game: fmnist-dcgan
            data: fashion-mnist
            data_dir: {FashionMnist}
            scheme: simultaneous
            optimizer: sgd
            momentum: 0.5
            regularisers: cancel-interaction
            batch_size: 4
            latent_dim: 8
            steps: {Steps}
            seed: 3
            log_every: 5
            sample_every: 0
            checkpoint_every: 1
            grid_size: 4
            threads: 1
            """);
        return path;
    }

    [FactIfDirectoryExists(FashionMnist, "Debian package dataset-fashion-mnist")]
    public void KilledAndResumedRunMatchesAnUninterruptedOneBitForBit()
    {
        using var tmp = new TempDirectory();
        var config = Config(tmp.Path);
        string straight = tmp.Combine("straight"), killed = tmp.Combine("killed");

        var (code, log) = CliProcess.RunCollecting(Limit, "train", "--config", config, "--out", straight);
        Assert.True(code == 0, log);

        // Kill twice at different points, each time once a checkpoint newer than the last one exists.
        var checkpoint = Path.Combine(killed, "checkpoints", "latest.pt");
        long lastKilledAt = 0;
        for (var kill = 0; kill < 2; kill++)
        {
            var args = new List<string> { "train", "--config", config, "--out", killed };
            if (kill > 0) args.Add("--resume");
            var (p, output) = CliProcess.StartCollecting(args.ToArray());
            using (p)
            {
                try
                {
                    var clock = Stopwatch.StartNew();
                    while (!p.HasExited && StepOf(checkpoint) <= lastKilledAt + 2)
                    {
                        Assert.True(clock.Elapsed < Limit, "no checkpoint appeared: " + output());
                        Thread.Sleep(10);
                    }
                    Assert.False(p.HasExited, "the run finished before it could be killed: " + output());
                }
                finally
                {
                    if (!p.HasExited) p.Kill(); // SIGKILL on Unix: no handler runs, nothing is flushed
                    p.WaitForExit();
                }
            }
            // Whatever the kill interrupted, latest.pt is a whole checkpoint of a step the run had reached.
            using var c = Checkpoint.Load(checkpoint);
            Assert.InRange(c.Step, lastKilledAt + 1, Steps - 1);
            Assert.Equal(RunStatus.Running, RunStatus.Load(killed)!.State);
            lastKilledAt = c.Step;
        }

        (code, log) = CliProcess.RunCollecting(Limit, "train", "--config", config, "--out", killed, "--resume");
        Assert.True(code == 0, log);
        Assert.Equal(RunStatus.Finished, RunStatus.Load(killed)!.State);
        // The progress lines start at the resumed step, not at 0.
        var firstProgress = log.Split('\n').First(l => l.Contains(" step ") && l.Contains("steps/s"));
        Assert.Contains($" step {lastKilledAt + 1}/{Steps} ", firstProgress);

        using var a = Checkpoint.Load(Path.Combine(straight, "checkpoints", "latest.pt"));
        using var b = Checkpoint.Load(checkpoint);
        Assert.Equal(Steps, a.Step);
        Assert.Equal(Steps, b.Step);
        var names = a.Tensors.Keys.Where(k => k != "wall_time").Order().ToArray();
        Assert.Equal(names, b.Tensors.Keys.Where(k => k != "wall_time").Order().ToArray());
        Assert.Contains(names, n => n.StartsWith(Checkpoint.GeneratorPrefix) && n.EndsWith("running_mean"));
        foreach (var n in names)
            Assert.True(a.Tensors[n].To(ScalarType.Float64).ToArray<double>().SequenceEqual(b.Tensors[n].To(ScalarType.Float64).ToArray<double>()), n);
    }

    /// <summary>The step of the checkpoint at <paramref name="path"/>, 0 when there is none yet.</summary>
    private static long StepOf(string path)
    {
        if (!File.Exists(path)) return 0;
        using var c = Checkpoint.Load(path);
        return c.Step;
    }
}
