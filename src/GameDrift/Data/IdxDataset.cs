namespace GameDrift.Data;

/// <summary>Loads an MNIST-style pair of IDX files (images and labels) from a directory.</summary>
public static class IdxDataset
{
    /// <summary>
    /// Loads <c>{prefix}-images-idx3-ubyte</c> and <c>{prefix}-labels-idx1-ubyte</c>, each optionally
    /// with <c>.gz</c>, where prefix is <c>train</c> or <c>t10k</c>.
    /// </summary>
    public static ImageDataset Load(string name, string directory, bool train, IReadOnlyList<string>? classNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string prefix = train ? "train" : "t10k";
        string imagesName = $"{prefix}-images-idx3-ubyte";
        string labelsName = $"{prefix}-labels-idx1-ubyte";
        if (!Directory.Exists(directory))
            throw new FileNotFoundException(
                $"{name} directory '{directory}' does not exist; expected it to contain {imagesName}[.gz] and {labelsName}[.gz].");
        string imagesPath = Find(name, directory, imagesName);
        string labelsPath = Find(name, directory, labelsName);

        var images = IdxFile.ReadImages(imagesPath);
        var labelBytes = IdxFile.ReadLabels(labelsPath);
        if (images.Count != labelBytes.Length)
            throw new InvalidDataException(
                $"{name}: '{imagesPath}' holds {images.Count} images but '{labelsPath}' holds {labelBytes.Length} labels.");
        var labels = new int[labelBytes.Length];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = labelBytes[i];
        return new ImageDataset(images.Pixels, labels, 1, images.Rows, images.Columns, classNames);
    }

    private static string Find(string name, string directory, string fileName)
    {
        foreach (var candidate in new[] { fileName, fileName + ".gz" })
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException(
            $"{name} file '{fileName}' (or '{fileName}.gz') not found in '{directory}'.", Path.Combine(directory, fileName));
    }
}
