using SkiaSharp;

namespace GameDrift.Io.Png;

/// <summary>Decodes any image file SkiaSharp reads (PNG, JPEG, WebP, BMP, GIF) to a <see cref="PngImage"/>: gray files
/// give 1 channel, opaque colour files 3, files with transparency 4 (RGBA, not premultiplied).</summary>
public static class PngDecoder
{
    /// <exception cref="InvalidDataException">The bytes are not an image SkiaSharp can decode.</exception>
    public static PngImage Decode(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("not an image file SkiaSharp can read (PNG, JPEG, WebP, BMP, GIF)");
        var info = codec.Info;
        int channels = info.ColorType == SKColorType.Gray8 ? 1 : info.AlphaType == SKAlphaType.Opaque ? 3 : 4;
        var decodeInfo = new SKImageInfo(info.Width, info.Height, channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888,
            channels == 4 ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new InvalidDataException($"the image data is damaged ({result})");
        if (result == SKCodecResult.IncompleteInput)
            throw new InvalidDataException("the image file is cut short");
        return SkiaPixels.FromBitmap(bitmap, channels);
    }

    public static PngImage Decode(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Decode(copy.ToArray());
    }

    public static PngImage Load(string path)
    {
        try { return Decode(File.ReadAllBytes(path)); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }
}
