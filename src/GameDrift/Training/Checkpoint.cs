using GameDrift.Data;
using GameDrift.Torch;

namespace GameDrift.Training;

/// <summary>Everything a run needs to continue bit for bit: both networks (parameters and buffers, so BN running
/// statistics and spectral-norm vectors), the generator EMA, both optimisers, the latent and regulariser RNG states,
/// the data sampler's position (a game that draws its data has none), the fixed grid latents, the step and the elapsed
/// wall time. Written as one PyTorch-format file via a temporary name and a rename, so a kill never leaves a broken checkpoint.</summary>
public sealed class Checkpoint : IDisposable
{
    public const string GeneratorPrefix = "generator.", DiscriminatorPrefix = "discriminator.", EmaPrefix = "ema.",
        GenOptimizerPrefix = "optimizer_g.", DiscOptimizerPrefix = "optimizer_d.";
    private const string LatentRng = "rng.latents", RegulariserRng = "rng.regularisers", SamplerKey = "sampler",
        StepKey = "step", WallKey = "wall_time", GridKey = "grid_latents";

    private Checkpoint(Dictionary<string, Tensor> tensors) => Tensors = tensors;

    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    public long Step => (long)Tensors[StepKey].ToDouble();
    public double WallTime => Tensors[WallKey].ToDouble();
    public Tensor GridLatents => Tensors[GridKey];
    public Tensor LatentRngState => Tensors[LatentRng];
    public Tensor RegulariserRngState => Tensors[RegulariserRng];

    public BatchSamplerState? SamplerState => Tensors.TryGetValue(SamplerKey, out var t) && t.ToArray<long>() is var s
        ? new BatchSamplerState { Seed = unchecked((ulong)s[0]), DatasetSize = (int)s[1], BatchSize = (int)s[2], Epoch = s[3], Position = (int)s[4] }
        : null;

    /// <summary>The entries under <paramref name="prefix"/>, with the prefix removed.</summary>
    public Dictionary<string, Tensor> Section(string prefix) => Tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
        .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);

    public bool Has(string prefix) => Tensors.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

    public static Checkpoint Load(string path)
    {
        Dictionary<string, Tensor> t;
        try { t = torch.Load(path); }
        catch (TorchException e) { throw new InvalidDataException($"{path}: not a readable checkpoint (truncated or damaged?): {e.Message.Split('\n')[0]}"); }
        foreach (var k in new[] { LatentRng, RegulariserRng, StepKey, WallKey, GridKey })
            if (!t.ContainsKey(k)) throw new InvalidDataException($"{path}: not a GameDrift checkpoint (missing '{k}')");
        return new Checkpoint(t);
    }

    /// <summary>Writes a checkpoint atomically. The sections map a prefix to a state dict.</summary>
    public static void Save(string path, long step, double wallTime, IEnumerable<(string Prefix, IReadOnlyDictionary<string, Tensor> State)> sections,
        Generator latents, Generator regularisers, BatchSamplerState? sampler, Tensor gridLatents)
    {
        using var scope = torch.NewDisposeScope();
        var d = new Dictionary<string, Tensor>();
        foreach (var (prefix, state) in sections)
            foreach (var (k, v) in state) d[prefix + k] = v;
        d[LatentRng] = latents.GetState();
        d[RegulariserRng] = regularisers.GetState();
        if (sampler is not null)
            d[SamplerKey] = torch.Tensor(new[] { unchecked((long)sampler.Seed), sampler.DatasetSize, sampler.BatchSize, sampler.Epoch, (long)sampler.Position });
        d[StepKey] = torch.Scalar(step, ScalarType.Int64);
        d[WallKey] = torch.Scalar(wallTime, ScalarType.Float64);
        d[GridKey] = gridLatents;
        torch.Save(d, path);
    }

    public void Dispose()
    {
        foreach (var t in Tensors.Values) t.Dispose();
    }
}
