namespace GameDrift.Io.Plots;

/// <summary>
/// Per-pixel coverage of one shape being rasterised. Pieces of a shape (polyline segments, dashes)
/// combine by maximum, so joints are not blended twice and look as dark as the rest of the stroke.
/// </summary>
internal sealed class CoverageBuffer(int width, int height)
{
    private readonly float[] cov = new float[width * height];
    private readonly List<int> touched = [];

    public void Add(int x, int y, float value)
    {
        int i = y * width + x;
        if (value <= cov[i]) return;
        if (cov[i] == 0) touched.Add(i);
        cov[i] = value;
    }

    /// <summary>Blends the accumulated shape onto <paramref name="pixels"/> and resets the buffer.</summary>
    public void Commit(byte[] pixels, Rgb color, double alpha)
    {
        foreach (int i in touched)
        {
            Canvas.Blend(pixels, i * 3, color, cov[i] * alpha);
            cov[i] = 0;
        }
        touched.Clear();
    }
}
