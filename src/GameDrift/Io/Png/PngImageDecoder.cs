using GameDrift.Data;

namespace GameDrift.Io.Png;

/// <summary>The built-in PNG decoder as an <see cref="IImageDecoder"/> for <see cref="ImageFolder"/> (config
/// <c>data: folder</c>). Every PNG colour type and bit depth decodes to 8 bits per channel; an alpha channel is
/// dropped by default (gray + alpha → gray, RGBA → RGB), since the image GANs model 1- or 3-channel images.</summary>
public sealed class PngImageDecoder(bool keepAlpha = false) : IImageDecoder
{
    public bool KeepAlpha { get; } = keepAlpha;

    public (int width, int height, int channels, byte[] pixels) Decode(Stream s)
    {
        var image = PngDecoder.Decode(s);
        if (KeepAlpha || image.Channels is 1 or 3) return (image.Width, image.Height, image.Channels, image.Pixels);
        var c = image.Channels - 1;
        var n = image.Width * image.Height;
        var pixels = new byte[n * c];
        for (int p = 0, src = 0, dst = 0; p < n; p++, src++)
            for (var k = 0; k < c; k++) pixels[dst++] = image.Pixels[src++];
        return (image.Width, image.Height, c, pixels);
    }
}
