using GameDrift.Torch;

namespace GameDrift.Metrics.Extractors;

/// <summary>
/// A network that maps images to the features FID and KID compare and the class probabilities the
/// Inception Score uses.
/// </summary>
/// <remarks>
/// Images are float NCHW in [-1, 1], 1 or 3 channels, the range GameDrift's generators produce and
/// <see cref="Data.ImageDataset"/> batches hold. Each extractor applies its own preprocessing
/// (documented on the class), so real and generated images always take the same path.
/// </remarks>
public interface IFeatureExtractor : IDisposable
{
    /// <summary>Name used in metric columns (<c>fid_&lt;name&gt;</c>): <c>inception</c> or <c>&lt;dataset&gt;-classifier</c>.</summary>
    string Name { get; }

    /// <summary>Feature dimension D (2048 for Inception).</summary>
    int FeatureDimension { get; }

    /// <summary>Number of classes K of the probabilities (1008 for Inception).</summary>
    int ClassCount { get; }

    /// <summary>Device the network runs on; batches are moved there.</summary>
    Device Device { get; }

    /// <summary>
    /// One batch (N x C x H x W, float, [-1, 1]) to features (N x D) and/or class probabilities (N x K), float32 on
    /// the CPU; an output not asked for is null. Call under <c>torch.NoGrad()</c> and a dispose scope.
    /// </summary>
    (Tensor? Features, Tensor? Probabilities) Forward(Tensor images, bool features, bool probabilities);
}
