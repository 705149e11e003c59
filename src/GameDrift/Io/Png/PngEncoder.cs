using SkiaSharp;

namespace GameDrift.Io.Png;

/// <summary>PNG files of <see cref="PngImage"/>s, encoded by SkiaSharp (gray stays gray, RGB is opaque RGB).</summary>
public static class PngEncoder
{
    public static byte[] Encode(PngImage image)
    {
        using var bitmap = SkiaPixels.ToBitmap(image);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {image.Width}x{image.Height} PNG");
        return data.ToArray();
    }

    /// <summary>Writes a PNG file (through a temporary file, so readers never see half of one), creating its directory.</summary>
    public static void Save(PngImage image, string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        AtomicFile.WriteAllBytes(path, Encode(image));
    }
}
