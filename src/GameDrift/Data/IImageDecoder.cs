namespace GameDrift.Data;

/// <summary>Decodes one image file (e.g. PNG) to 8-bit pixels.</summary>
public interface IImageDecoder
{
    /// <summary>
    /// Decodes <paramref name="s"/>. <c>pixels</c> is interleaved HWC, row-major: length width*height*channels,
    /// channel values adjacent for each pixel, as image files store them.
    /// </summary>
    (int width, int height, int channels, byte[] pixels) Decode(Stream s);
}
