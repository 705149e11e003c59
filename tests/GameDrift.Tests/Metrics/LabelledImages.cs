using GameDrift.Data;

namespace GameDrift.Tests.Metrics;

/// <summary>Small deterministic labelled data: class 0 is bright on the left half, class 1 on the right half,
/// with position-dependent texture, so a classifier separates them quickly.</summary>
internal static class LabelledImages
{
    public static ImageDataset Create(int count = 32, int channels = 1, int size = 8)
    {
        var pixels = new byte[count * channels * size * size];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = i % 2;
            for (int c = 0; c < channels; c++)
                for (int y = 0; y < size; y++)
                    for (int x = 0; x < size; x++)
                    {
                        bool bright = (x < size / 2) == (labels[i] == 0);
                        int texture = (x * 37 + y * 11 + i * 7 + c * 5) % 60;
                        pixels[((i * channels + c) * size + y) * size + x] = (byte)(bright ? 180 + texture : 20 + texture);
                    }
        }
        return new ImageDataset(pixels, labels, channels, size, size, ["left", "right"]);
    }
}
