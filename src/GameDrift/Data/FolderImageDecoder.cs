using GameDrift.Io.Png;
using SkiaSharp;

namespace GameDrift.Data;

/// <summary>Decodes PNG, JPEG, WebP, BMP or GIF with SkiaSharp for <c>data: folder</c> and, given a target shape, makes
/// every image that shape as torchvision's <c>Resize(size)</c> + <c>CenterCrop((h, w))</c> do: the shorter side is
/// resized to the larger of h and w (the longer side keeps the aspect ratio, truncated), then the centre is cut out;
/// colour is converted to the target's channels (RGB to gray as ITU-R 601-2 luma, as PIL's convert("L"); gray
/// repeated to RGB). Without a target shape images keep their size and drop alpha.</summary>
public sealed class FolderImageDecoder(ImageShape? target = null, string interpolation = "bilinear") : IImageDecoder
{
    public static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif"];
    public static readonly string[] Interpolations = ["nearest", "bilinear", "bicubic"];

    private readonly SKSamplingOptions sampling = interpolation switch
    {
        "nearest" => new SKSamplingOptions(SKFilterMode.Nearest),
        "bilinear" => new SKSamplingOptions(SKFilterMode.Linear),
        "bicubic" => new SKSamplingOptions(SKCubicResampler.CatmullRom),
        _ => throw new ArgumentException($"config key 'interpolation': '{interpolation}' is not one of {string.Join(", ", Interpolations)}"),
    };

    public (int width, int height, int channels, byte[] pixels) Decode(Stream s)
    {
        var image = PngDecoder.Decode(s);
        if (target is null) return image.Channels is 1 or 3 ? (image.Width, image.Height, image.Channels, image.Pixels) : DropAlpha(image);
        using var decoded = SkiaPixels.ToBitmap(image.Channels is 1 or 3 ? image : DropAlpha(image).ToImage());
        var fitted = Fit(decoded);
        return Channels(fitted, target.Channels);
    }

    private PngImage Fit(SKBitmap src)
    {
        int size = Math.Max(target!.Height, target.Width);
        int w = src.Width, h = src.Height;
        var (rw, rh) = w <= h ? (size, (int)((long)size * h / w)) : ((int)((long)size * w / h), size);
        using var resized = (rw, rh) == (w, h) ? src.Copy() : src.Resize(new SKImageInfo(rw, rh, src.ColorType, src.AlphaType), sampling)
            ?? throw new InvalidDataException($"cannot resize a {w}x{h} image to {rw}x{rh}");
        int top = (int)Math.Round((rh - target.Height) / 2.0), left = (int)Math.Round((rw - target.Width) / 2.0);
        using var cropped = new SKBitmap(new SKImageInfo(target.Width, target.Height, resized.ColorType, resized.AlphaType));
        if (!resized.ExtractSubset(cropped, new SKRectI(left, top, left + target.Width, top + target.Height)))
            throw new InvalidDataException($"cannot crop a {rw}x{rh} image to {target.Width}x{target.Height}");
        using var copy = cropped.Copy();
        return SkiaPixels.FromBitmap(copy, copy.ColorType == SKColorType.Gray8 ? 1 : 3);
    }

    private static (int, int, int, byte[]) Channels(PngImage img, int channels)
    {
        int n = img.Width * img.Height;
        if (img.Channels == channels) return (img.Width, img.Height, channels, img.Pixels);
        var px = new byte[n * channels];
        if (channels == 1)
            for (int p = 0; p < n; p++)
                px[p] = (byte)((img.Pixels[p * 3] * 299 + img.Pixels[p * 3 + 1] * 587 + img.Pixels[p * 3 + 2] * 114) / 1000);
        else if (channels == 3)
            for (int p = 0; p < n; p++) px[p * 3] = px[p * 3 + 1] = px[p * 3 + 2] = img.Pixels[p];
        else throw new InvalidDataException($"images cannot be converted to {channels} channels (1 or 3)");
        return (img.Width, img.Height, channels, px);
    }

    private static (int, int, int, byte[]) DropAlpha(PngImage img)
    {
        int c = img.Channels - 1, n = img.Width * img.Height;
        var px = new byte[n * c];
        for (int p = 0; p < n; p++) Array.Copy(img.Pixels, p * img.Channels, px, p * c, c);
        return (img.Width, img.Height, c, px);
    }
}

internal static class DecodedImageExtensions
{
    public static PngImage ToImage(this (int W, int H, int C, byte[] Px) d) => new(d.W, d.H, d.C, d.Px);
}
