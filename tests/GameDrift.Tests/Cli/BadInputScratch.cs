using GameDrift.Training;

namespace GameDrift.Tests.Cli;

/// <summary>A scratch directory for one bad-input case: a tiny Fashion-MNIST config, copies of a finished run
/// (optionally with its checkpoint, metrics.csv or status.json damaged), short CIFAR-10 files, a locked run directory.</summary>
public sealed class BadInputScratch(string root, string finishedRun) : IDisposable
{
    public const string FashionMnist = "/usr/share/datasets/fashion-mnist";
    private RunFolder? held;

    public string Out => Combine("out");

    public string Combine(params string[] parts) => Path.Combine([root, .. parts]);

    public string Write(string name, string text)
    {
        File.WriteAllText(Combine(name), text);
        return Combine(name);
    }

    public string Dir(string name) => Directory.CreateDirectory(Combine(name)).FullName;

    public static string TinyYaml(params string[] extra) => string.Join("\n", new[]
    {
        "game: fmnist-dcgan", "data: fashion-mnist", $"data_dir: {FashionMnist}", "batch_size: 4", "latent_dim: 8",
        "steps: 2", "seed: 3", "log_every: 1", "sample_every: 0", "checkpoint_every: 1", "grid_size: 4", "threads: 1",
    }.Where(l => !extra.Any(e => e.Split(':')[0] == l.Split(':')[0])).Concat(extra)) + "\n";

    public string Tiny(params string[] extra) => Write($"tiny{Guid.NewGuid():N}.yaml", TinyYaml(extra));

    /// <summary>A copy of the finished 2-step run, with the given files replaced.</summary>
    public string FinishedRun(Func<byte[], byte[]>? ckpt = null, string? metrics = null, string? status = null)
    {
        var dir = Combine("run" + Guid.NewGuid().ToString("N")[..8]);
        CopyTree(finishedRun, dir);
        var c = Path.Combine(dir, "checkpoints", "latest.pt");
        if (ckpt != null) File.WriteAllBytes(c, ckpt(File.ReadAllBytes(c)));
        if (metrics != null) File.WriteAllText(Path.Combine(dir, "metrics.csv"), metrics);
        if (status != null) File.WriteAllText(Path.Combine(dir, "status.json"), status);
        return dir;
    }

    /// <summary>A run directory held by another trainer (its lock taken here, in the test process).</summary>
    public string LockedRun()
    {
        var dir = Dir("locked");
        held = RunFolder.Open(dir, resume: false, overwrite: false);
        return dir;
    }

    /// <summary>CIFAR-10 binaries of 100 bytes each (a record is 3073).</summary>
    public string ShortCifar()
    {
        var dir = Dir("short-cifar");
        foreach (var f in GameDrift.Data.Cifar10.TrainFiles) File.WriteAllBytes(Path.Combine(dir, f), new byte[100]);
        return dir;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyTree(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public void Dispose() => held?.Dispose();
}
