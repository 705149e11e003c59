using GameDrift.Data;
using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Training;

/// <summary>Real images (from a seeded <see cref="BatchSampler"/>) and standard-normal latents (from a seeded
/// <see cref="Generator"/>) on the model's device; every draw is fresh. Both RNG states are exposed for checkpoints.</summary>
public sealed class DataBatchSource : IBatchSource, IDisposable
{
    private readonly ImageDataset data;
    private readonly Device device;
    private readonly int latentDim;
    private readonly int[] indices;
    private readonly float[] pixels;

    public DataBatchSource(ImageDataset data, BatchSampler sampler, Generator latents, int latentDim, Device device)
    {
        this.data = data;
        Sampler = sampler;
        Latents = latents;
        this.latentDim = latentDim;
        this.device = device;
        indices = new int[sampler.BatchSize];
        pixels = new float[sampler.BatchSize * data.ImageSize];
    }

    public BatchSampler Sampler { get; set; }
    public Generator Latents { get; }

    public GameBatch Next()
    {
        Sampler.NextBatch(indices);
        data.CopyBatch(indices, pixels);
        var b = indices.Length;
        var real = torch.Tensor<float>(pixels, new long[] { b, data.Channels, data.Height, data.Width });
        if (device.Type != DeviceType.CPU) real = real.To(device);
        var z = torch.Randn(new long[] { b, latentDim }, Latents, ScalarType.Float32, device);
        return new GameBatch(real, z);
    }

    public void Dispose() => Latents.Dispose();
}
