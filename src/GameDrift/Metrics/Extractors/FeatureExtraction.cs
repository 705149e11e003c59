using GameDrift.Data;
using GameDrift.Torch;

namespace GameDrift.Metrics.Extractors;

/// <summary>Runs an extractor over many images in batches, without gradients, freeing each batch's tensors
/// before the next, so memory stays at one batch of network activations plus the collected outputs.</summary>
public static class FeatureExtraction
{
    /// <summary>Default images per batch: bounds the activations alive at once (Inception's take several MB per image at 299 x 299).</summary>
    public const int DefaultBatchSize = 64;

    /// <summary>Extracts from <paramref name="count"/> images produced batch by batch: <paramref name="batch"/>(start, n)
    /// returns images start..start+n-1 (N x C x H x W in [-1, 1]); the tensor it returns is disposed here.</summary>
    public static FeatureSet Run(IFeatureExtractor extractor, int count, Func<int, int, Tensor> batch,
        bool features = true, bool probabilities = true, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        int d = extractor.FeatureDimension, k = extractor.ClassCount;
        var f = features ? new float[(long)count * d] : null;
        var p = probabilities ? new float[(long)count * k] : null;
        using var noGrad = torch.NoGrad();
        for (int start = 0; start < count; start += batchSize)
        {
            int n = Math.Min(batchSize, count - start);
            using var scope = torch.NewDisposeScope();
            var images = batch(start, n);
            if (images.Dim != 4 || images.Shape[0] != n)
                throw new ArgumentException($"batch {start}..{start + n - 1}: expected {n} images N x C x H x W, got shape [{string.Join(", ", images.Shape)}]");
            var (fb, pb) = extractor.Forward(images, features, probabilities);
            if (f is not null) Copy(fb!, f, start, n, d, "features");
            if (p is not null) Copy(pb!, p, start, n, k, "probabilities");
        }
        return new FeatureSet(count, d, k, f, p);
    }

    /// <summary>Extracts from the first <paramref name="count"/> images of a data set (all when null).</summary>
    public static FeatureSet Run(IFeatureExtractor extractor, ImageDataset data, int? count = null,
        bool features = true, bool probabilities = true, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        int total = Math.Min(count ?? data.Count, data.Count);
        var buffer = new float[(long)batchSize * data.ImageSize];
        return Run(extractor, total, (start, n) =>
        {
            var indices = Enumerable.Range(start, n).ToArray();
            data.CopyBatch(indices, buffer);
            return torch.Tensor(new ReadOnlySpan<float>(buffer, 0, n * data.ImageSize), new long[] { n, data.Channels, data.Height, data.Width });
        }, features, probabilities, batchSize);
    }

    private static void Copy(Tensor t, float[] into, int start, int n, int width, string what)
    {
        if (t.Dim != 2 || t.Shape[0] != n || t.Shape[1] != width)
            throw new InvalidOperationException($"extractor returned {what} of shape [{string.Join(", ", t.Shape)}], expected [{n}, {width}]");
        t.To(Device.CPU, ScalarType.Float32).Contiguous().ToArray<float>().CopyTo(into, (long)start * width);
    }
}
