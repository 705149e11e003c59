namespace GameDrift.Data;

/// <summary>
/// Loads a folder of same-sized images. Layout as torchvision's ImageFolder: each subfolder of the root is
/// a class (labels in ordinal order of the folder names) holding its images at any depth; a root with no
/// subfolders is one unlabelled class (label 0) of the images directly inside it.
/// </summary>
public static class ImageFolder
{
    /// <summary>
    /// Decodes every file with one of <paramref name="extensions"/> (default ".png", case-insensitive) under
    /// <paramref name="root"/>. Files are taken in ordinal path order, so the result is reproducible.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    /// <exception cref="InvalidDataException">No images, or an image whose size/channels differ from the first.</exception>
    public static ImageDataset Load(string root, IImageDecoder decoder, IReadOnlyCollection<string>? extensions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(decoder);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Image folder '{root}' does not exist.");
        var wanted = new HashSet<string>(extensions ?? [".png"], StringComparer.OrdinalIgnoreCase);

        var classDirs = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToArray();
        var files = new List<(string Path, int Label)>();
        string[] classNames;
        if (classDirs.Length == 0)
        {
            classNames = [""];
            files.AddRange(ImagesIn(root, SearchOption.TopDirectoryOnly, wanted).Select(f => (f, 0)));
        }
        else
        {
            classNames = classDirs.Select(d => Path.GetFileName(d)!).ToArray();
            for (int label = 0; label < classDirs.Length; label++)
                files.AddRange(ImagesIn(classDirs[label], SearchOption.AllDirectories, wanted).Select(f => (f, label)));
        }
        if (files.Count == 0)
            throw new InvalidDataException(
                $"No images with extension {string.Join("/", wanted)} found in '{root}'.");

        int width = 0, height = 0, channels = 0, imageSize = 0;
        byte[] pixels = [];
        var labels = new int[files.Count];
        for (int n = 0; n < files.Count; n++)
        {
            var (path, label) = files[n];
            var (w, h, c, hwc) = Decode(decoder, path);
            if (n == 0)
            {
                (width, height, channels) = (w, h, c);
                imageSize = checked(w * h * c);
                long total = (long)imageSize * files.Count;
                if (total > Array.MaxLength)
                    throw new InvalidDataException($"{files.Count} images of {c}x{h}x{w} in '{root}' are too many to load.");
                pixels = new byte[total];
            }
            else if ((w, h, c) != (width, height, channels))
            {
                throw new InvalidDataException(
                    $"Image '{path}' is {w}x{h} with {c} channel(s), but '{files[0].Path}' is {width}x{height} " +
                    $"with {channels}; all images in '{root}' must have the same size and channel count.");
            }
            InterleavedToPlanar(hwc, pixels.AsSpan(n * imageSize, imageSize), w * h, c);
            labels[n] = label;
        }
        return new ImageDataset(pixels, labels, channels, height, width, classNames);
    }

    private static IEnumerable<string> ImagesIn(string dir, SearchOption option, HashSet<string> wanted) =>
        Directory.EnumerateFiles(dir, "*", option)
            .Where(f => wanted.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal);

    private static (int w, int h, int c, byte[] hwc) Decode(IImageDecoder decoder, string path)
    {
        (int w, int h, int c, byte[] hwc) image;
        try
        {
            using var stream = File.OpenRead(path);
            image = decoder.Decode(stream);
        }
        catch (InvalidDataException e) { throw new InvalidDataException($"Image '{path}': {e.Message}", e); }
        if (image.w <= 0 || image.h <= 0 || image.c <= 0 || image.hwc is null
            || (long)image.w * image.h * image.c != image.hwc.Length)
            throw new InvalidDataException(
                $"Decoding '{path}' gave {image.w}x{image.h}x{image.c} with {image.hwc?.Length ?? 0} bytes of pixels.");
        return image;
    }

    // The decoder returns pixels interleaved (HWC); the dataset stores channel planes (CHW).
    private static void InterleavedToPlanar(ReadOnlySpan<byte> hwc, Span<byte> chw, int pixelCount, int channels)
    {
        if (channels == 1)
        {
            hwc.CopyTo(chw);
            return;
        }
        for (int ch = 0; ch < channels; ch++)
        {
            var plane = chw.Slice(ch * pixelCount, pixelCount);
            for (int p = 0, src = ch; p < pixelCount; p++, src += channels)
                plane[p] = hwc[src];
        }
    }
}
