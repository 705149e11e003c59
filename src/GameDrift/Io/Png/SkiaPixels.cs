using System.Runtime.InteropServices;
using SkiaSharp;

namespace GameDrift.Io.Png;

/// <summary>Copies between <see cref="PngImage"/>'s interleaved bytes and SkiaSharp bitmaps (Gray8 or RGBA8888).</summary>
public static class SkiaPixels
{
    public static SKBitmap ToBitmap(PngImage image)
    {
        bool gray = image.Channels == 1;
        var info = new SKImageInfo(image.Width, image.Height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888,
            image.Channels is 2 or 4 ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        var bitmap = new SKBitmap(info);
        var dst = new byte[info.BytesSize];
        int n = image.Width * image.Height, c = image.Channels;
        if (gray) image.Pixels.CopyTo(dst, 0);
        else
            for (int p = 0; p < n; p++)
            {
                int s = p * c, d = p * 4;
                if (c >= 3) { dst[d] = image.Pixels[s]; dst[d + 1] = image.Pixels[s + 1]; dst[d + 2] = image.Pixels[s + 2]; }
                else dst[d] = dst[d + 1] = dst[d + 2] = image.Pixels[s];
                dst[d + 3] = c is 2 or 4 ? image.Pixels[s + c - 1] : (byte)255;
            }
        // Rows are packed (RowBytes == width * bytes per pixel) for these colour types.
        Marshal.Copy(dst, 0, bitmap.GetPixels(), dst.Length);
        return bitmap;
    }

    /// <summary>A Gray8 bitmap as 1 channel; an RGBA8888 one as 3 (alpha dropped) or 4 channels.</summary>
    public static PngImage FromBitmap(SKBitmap bitmap, int channels)
    {
        int w = bitmap.Width, h = bitmap.Height, n = w * h;
        var src = new byte[bitmap.Info.BytesSize];
        Marshal.Copy(bitmap.GetPixels(), src, 0, src.Length);
        if (bitmap.ColorType == SKColorType.Gray8) return new PngImage(w, h, 1, src);
        if (channels == 4) return new PngImage(w, h, 4, src);
        var rgb = new byte[n * 3];
        for (int p = 0; p < n; p++) { rgb[p * 3] = src[p * 4]; rgb[p * 3 + 1] = src[p * 4 + 1]; rgb[p * 3 + 2] = src[p * 4 + 2]; }
        return new PngImage(w, h, 3, rgb);
    }
}
