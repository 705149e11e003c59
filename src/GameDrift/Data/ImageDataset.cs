namespace GameDrift.Data;

/// <summary>
/// N images of shape (C, H, W) kept as uint8 in NCHW order, with one int label each.
/// Batches are produced as float32 scaled to [-1, 1] by <c>2x/255 - 1</c>.
/// </summary>
public sealed class ImageDataset
{
    private readonly byte[] _pixels;
    private readonly int[] _labels;

    /// <summary>Wraps (does not copy) <paramref name="pixels"/> of length N*C*H*W and <paramref name="labels"/> of length N.</summary>
    public ImageDataset(byte[] pixels, int[] labels, int channels, int height, int width,
                        IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        long imageSize = (long)channels * height * width;
        if (imageSize > int.MaxValue)
            throw new ArgumentException($"Image size {channels}x{height}x{width} is too large.");
        if ((long)labels.Length * imageSize != pixels.LongLength)
            throw new ArgumentException(
                $"Pixel buffer holds {pixels.LongLength} bytes but {labels.Length} images of " +
                $"{channels}x{height}x{width} need {labels.Length * imageSize}.", nameof(pixels));
        _pixels = pixels;
        _labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        ImageSize = (int)imageSize;
        ClassNames = classNames ?? [];
    }

    /// <summary>Number of images N.</summary>
    public int Count => _labels.Length;
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    /// <summary>C*H*W: floats (or bytes) per image.</summary>
    public int ImageSize { get; }
    /// <summary>Class names indexed by label; empty when unknown.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>All pixels, NCHW, uint8.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;
    /// <summary>All labels.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The raw CHW bytes of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> GetImage(int index)
    {
        CheckIndex(index);
        return _pixels.AsSpan(index * ImageSize, ImageSize);
    }

    /// <summary>The label of image <paramref name="index"/>.</summary>
    public int GetLabel(int index)
    {
        CheckIndex(index);
        return _labels[index];
    }

    /// <summary>
    /// Writes images <paramref name="indices"/> as float32 in [-1, 1], NCHW, into the first
    /// indices.Length*ImageSize elements of <paramref name="destination"/>. Allocation-free.
    /// </summary>
    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> destination)
    {
        long needed = (long)indices.Length * ImageSize;
        if (destination.Length < needed)
            throw new ArgumentException(
                $"Destination holds {destination.Length} floats; {indices.Length} images of {ImageSize} need {needed}.",
                nameof(destination));
        for (int b = 0; b < indices.Length; b++)
        {
            int index = indices[b];
            CheckIndex(index);
            // index < Count, so index*ImageSize < pixels.Length <= int.MaxValue: no overflow.
            var source = _pixels.AsSpan(index * ImageSize, ImageSize);
            PixelScaling.ToSigned(source, destination.Slice(b * ImageSize, ImageSize));
        }
    }

    /// <summary>Writes the labels of <paramref name="indices"/> into <paramref name="destination"/>.</summary>
    public void CopyLabels(ReadOnlySpan<int> indices, Span<int> destination)
    {
        if (destination.Length < indices.Length)
            throw new ArgumentException($"Destination holds {destination.Length} labels; need {indices.Length}.", nameof(destination));
        for (int b = 0; b < indices.Length; b++)
        {
            CheckIndex(indices[b]);
            destination[b] = _labels[indices[b]];
        }
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)_labels.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Image index must be in [0, {_labels.Length}).");
    }
}
