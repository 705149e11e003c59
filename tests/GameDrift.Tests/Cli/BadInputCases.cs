namespace GameDrift.Tests.Cli;

/// <summary>The bad inputs and faults fed to every CLI command (docs/reliability.md lists them with their outcomes).
/// Each case writes what it needs into a scratch directory and returns the command line; <c>Expect</c> is a part of
/// the one error line it must give.</summary>
public static class BadInputCases
{
    public sealed record Case(string Name, Func<BadInputScratch, string[]> Args, string Expect, int ExitCode = 2);

    public static readonly Case[] All =
    [
        // train: configs
        new("train: config file missing", s => ["train", "--config", s.Combine("nope.yaml"), "--out", s.Out], "config file not found"),
        new("train: config file empty", s => ["train", "--config", s.Write("empty.yaml", ""), "--out", s.Out], "is empty"),
        new("train: YAML syntax error", s => ["train", "--config", s.Write("bad.yaml", "steps: [1,\n  seed: 2"), "--out", s.Out], "not valid YAML"),
        new("train: YAML top level not a mapping", s => ["train", "--config", s.Write("list.yaml", "- a\n- b\n"), "--out", s.Out], "mapping"),
        new("train: unknown key", s => ["train", "--config", s.Tiny("stepz: 3"), "--out", s.Out], "unknown config key 'stepz'"),
        new("train: wrong type", s => ["train", "--config", s.Tiny("steps: many"), "--out", s.Out], "expects an integer"),
        new("train: list where a value belongs", s => ["train", "--config", s.Tiny("seed: [1, 2]"), "--out", s.Out], "single value"),
        new("train: --set without '='", s => ["train", "--config", s.Tiny(), "--set", "steps", "--out", s.Out], "key=value"),
        new("train: NaN learning rate", s => ["train", "--config", s.Tiny(), "--set", "lr_d=NaN", "--out", s.Out], "'lr_d' must be positive"),
        new("train: infinite learning rate", s => ["train", "--config", s.Tiny(), "--set", "lr_g=Infinity", "--out", s.Out], "'lr_g' must be finite"),
        new("train: negative steps", s => ["train", "--config", s.Tiny(), "--set", "steps=-5", "--out", s.Out], "'steps' must not be negative"),
        new("train: steps beyond int", s => ["train", "--config", s.Tiny(), "--set", "steps=99999999999", "--out", s.Out], "expects an integer"),
        new("train: batch larger than the data", s => ["train", "--config", s.Tiny(), "--set", "batch_size=2000000000", "--out", s.Out], "60000"),
        new("train: huge latent_dim", s => ["train", "--config", s.Tiny(), "--set", "latent_dim=2000000000", "--out", s.Out], "latent_dim"),
        new("train: ema out of range", s => ["train", "--config", s.Tiny(), "--set", "ema=1.5", "--out", s.Out], "'ema'"),
        new("train: unknown scheme", s => ["train", "--config", s.Tiny(), "--set", "scheme=leapfrog", "--out", s.Out], "'scheme'"),
        new("train: unknown regulariser", s => ["train", "--config", s.Tiny(), "--set", "regularisers=magic", "--out", s.Out], "magic"),
        new("train: device cuda on a CPU-only libtorch", s => ["train", "--config", s.Tiny(), "--set", "device=cuda", "--out", s.Out], "no CUDA"),
        new("train: unknown device", s => ["train", "--config", s.Tiny(), "--set", "device=tpu", "--out", s.Out], "'device'"),
        new("train: unknown option", s => ["train", "--config", s.Tiny(), "--frobnicate", "--out", s.Out], "--frobnicate"),
        // train: data
        new("train: data_dir missing", s => ["train", "--config", s.Tiny(), "--set", "data_dir=/no/such/dir", "--out", s.Out], "/no/such/dir"),
        new("train: CIFAR-10 data_dir empty", s => ["train", "--config", s.Tiny("game: cifar10-sngan", "data: cifar10", "data_dir: ''"), "--out", s.Out], "data_dir"),
        new("train: CIFAR-10 binaries short", s => ["train", "--config", s.Tiny("game: cifar10-sngan", "data: cifar10", $"data_dir: {s.ShortCifar()}"), "--out", s.Out], "CIFAR-10"),
        new("train: CIFAR-10 binaries missing", s => ["train", "--config", s.Tiny("game: cifar10-sngan", "data: cifar10", $"data_dir: {s.Dir("empty-cifar")}"), "--out", s.Out], "not found"),
        // train: run directories
        new("train: --out holds a run, no --resume", s => ["train", "--config", s.Tiny(), "--out", s.FinishedRun()], "--overwrite"),
        new("train: --resume without a checkpoint", s => ["train", "--config", s.Tiny(), "--resume", "--out", s.Dir("fresh")], "cannot resume"),
        new("train: --resume and --overwrite", s => ["train", "--config", s.Tiny(), "--resume", "--overwrite", "--out", s.FinishedRun()], "exclude each other"),
        new("train: --resume from a garbage checkpoint", s => ["train", "--config", s.Tiny("steps: 4"), "--resume", "--out", s.FinishedRun(ckpt: Garbage)], "latest.pt"),
        new("train: --resume from an empty checkpoint", s => ["train", "--config", s.Tiny("steps: 4"), "--resume", "--out", s.FinishedRun(ckpt: _ => [])], "latest.pt"),
        new("train: --resume from a truncated checkpoint", s => ["train", "--config", s.Tiny("steps: 4"), "--resume", "--out", s.FinishedRun(ckpt: b => b[..(b.Length / 2)])], "latest.pt"),
        new("train: --resume with another game's checkpoint", s => ["train", "--config", s.Tiny("steps: 4", "latent_dim: 9"), "--resume", "--out", s.FinishedRun()], "size mismatch"),
        new("train: --resume into a corrupt metrics.csv", s => ["train", "--config", s.Tiny("steps: 4"), "--resume", "--out", s.FinishedRun(metrics: "garbage\n1,2,3\n")], "metrics.csv"),
        new("train: two trainers on one --out", s => ["train", "--config", s.Tiny(), "--out", s.LockedRun()], "another trainer"),
        // eval
        new("eval: run directory missing", s => ["eval", "--run", s.Combine("nope")], "not found"),
        new("eval: not a run directory", s => ["eval", "--run", s.Dir("plain")], "no config.yaml"),
        new("eval: --inception file missing", s => ["eval", "--run", s.FinishedRun(), "--inception", "/no/such.pt"], "/no/such.pt"),
        new("eval: --inception with --extractor classifier", s => ["eval", "--run", s.FinishedRun(), "--inception", s.Write("x.pt", "x"), "--extractor", "classifier"], "--inception"),
        new("eval: garbage TorchScript file", s => ["eval", "--run", s.FinishedRun(), "--inception", s.Write("garbage.pt", "not a zip file at all"), "--samples", "2"], "garbage.pt"),
        new("eval: garbage checkpoint", s => ["eval", "--run", s.FinishedRun(ckpt: Garbage)], "latest.pt"),
        new("eval: --checkpoint best without one", s => ["eval", "--run", s.FinishedRun(), "--checkpoint", "best"], "best.pt"),
        new("eval: --checkpoint bogus", s => ["eval", "--run", s.FinishedRun(), "--checkpoint", "bogus"], "latest or best"),
        new("eval: --samples negative", s => ["eval", "--run", s.FinishedRun(), "--samples", "-3"], "eval_samples"),
        new("eval: unknown metric", s => ["eval", "--run", s.FinishedRun(), "--metrics", "fud"], "fud"),
        new("eval: --samples not a number", s => ["eval", "--run", s.FinishedRun(), "--samples", "lots"], "lots"),
        // report
        new("report: run directory missing", s => ["report", "--run", s.Combine("nope")], "nope"),
        new("report: corrupt metrics.csv", s => ["report", "--run", s.FinishedRun(metrics: "step,wall_time,loss_d\n1,0.1,abc\n")], "metrics.csv"),
        new("report: empty metrics.csv", s => ["report", "--run", s.FinishedRun(metrics: "")], "metrics.csv"),
        new("report: corrupt status.json", s => ["report", "--run", s.FinishedRun(status: "{\"state\": ")], "status.json"),
        // sweep
        new("sweep: config missing", s => ["sweep", "--config", s.Combine("nope.yaml"), "--out", s.Out], "nope.yaml"),
        new("sweep: YAML syntax error", s => ["sweep", "--config", s.Write("sweep.yaml", "base: [\n"), "--out", s.Out], "sweep.yaml"),
        new("sweep: --emit slurm with unset data_dir", s => ["sweep", "--emit", "slurm", "--config", s.Write("c10.yaml", CifarSweep), "--out", s.Out], "cell "),
        new("sweep: --resume of nothing", s => ["sweep", "--resume", "--out", s.Dir("no-sweep")], "no sweep"),
        new("sweep: --workers 0", s => ["sweep", "--config", s.Write("w.yaml", CifarSweep), "--workers", "0", "--out", s.Out], "workers"),
        // toys
        new("toy: unknown game", s => ["toy", "--game", "chess", "--out", s.Out], "chess"),
        new("toy: NaN learning rate", s => ["toy", "--lr-d", "NaN", "--out", s.Out], "learning rate"),
        new("toy: negative steps", s => ["toy", "--steps", "-1", "--out", s.Out], "steps"),
        new("toy: --start of the wrong size", s => ["toy", "--start", "1,2,3", "--out", s.Out], "--start"),
        new("toy-sweep: malformed range", s => ["toy-sweep", "--lr-d-range", "a:b:c", "--out", s.Out], "range"),
        new("toy-sweep: huge range count", s => ["toy-sweep", "--lr-d-range", "0.01:1:2000000000", "--out", s.Out], "more than"),
        new("drift-order: negative lr ratio", s => ["drift-order", "--lr-ratio", "-2", "--out", s.Out], "ratio"),
        new("mog: zero batch", s => ["mog", "--batch", "0", "--out", s.Out], "batch"),
        new("mog: huge hidden width", s => ["mog", "--hidden", "2000000000", "--out", s.Out], "hidden"),
    ];

    private static byte[] Garbage(byte[] original) => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))];

    private const string CifarSweep = """
        name: c10
        set:
          game: cifar10-sngan
          data: cifar10
          data_dir: ''
          steps: 10
        axes:
          seed: [0, 1]
        """;
}
