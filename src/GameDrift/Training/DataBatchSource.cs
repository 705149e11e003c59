using GameDrift.Data;
using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Training;

/// <summary>Real data and standard-normal latents (from a seeded <see cref="Generator"/>) on the model's device; every
/// draw is fresh. The real data are images from a seeded <see cref="BatchSampler"/>, or samples a game draws from the
/// latent generator (a distribution, not a data set). The RNG states are exposed for checkpoints.</summary>
public sealed class DataBatchSource : IBatchSource, IDisposable
{
    private readonly Func<Tensor> real;
    private readonly Device device;
    private readonly int batchSize, latentDim;

    public DataBatchSource(ImageDataset data, BatchSampler sampler, Generator latents, int latentDim, Device device)
        : this(null, sampler.BatchSize, latents, latentDim, device)
    {
        Sampler = sampler;
        var (indices, pixels) = (new int[sampler.BatchSize], new float[sampler.BatchSize * data.ImageSize]);
        real = () =>
        {
            Sampler!.NextBatch(indices);
            data.CopyBatch(indices, pixels);
            return torch.Tensor<float>(pixels, new long[] { indices.Length, data.Channels, data.Height, data.Width });
        };
    }

    /// <param name="draw">n real samples drawn from the given generator (the latent stream: one RNG state to save).</param>
    public DataBatchSource(Func<long, Generator, Tensor>? draw, int batchSize, Generator latents, int latentDim, Device device)
    {
        (this.batchSize, Latents, this.latentDim, this.device) = (batchSize, latents, latentDim, device);
        real = () => draw!(batchSize, Latents);
    }

    /// <summary>The image sampler, or null when the real data are drawn.</summary>
    public BatchSampler? Sampler { get; set; }
    public Generator Latents { get; }

    public GameBatch Next()
    {
        var x = real();
        if (device.Type != DeviceType.CPU) x = x.To(device);
        var z = torch.Randn(new long[] { batchSize, latentDim }, Latents, ScalarType.Float32, device);
        return new GameBatch(x, z);
    }

    public void Dispose() => Latents.Dispose();
}
