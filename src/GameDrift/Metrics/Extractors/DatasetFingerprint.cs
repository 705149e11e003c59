using System.Security.Cryptography;
using GameDrift.Data;

namespace GameDrift.Metrics.Extractors;

/// <summary>A short content hash of a data set (shape, pixels, labels): cache keys follow the data, not its name,
/// so a custom or changed data set never reuses another's classifier or statistics.</summary>
public static class DatasetFingerprint
{
    public static string Of(ImageDataset data)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(BitConverter.GetBytes(data.Count));
        sha.AppendData(BitConverter.GetBytes(data.Channels));
        sha.AppendData(BitConverter.GetBytes(data.Height));
        sha.AppendData(BitConverter.GetBytes(data.Width));
        sha.AppendData(data.Pixels);
        foreach (var l in data.Labels) sha.AppendData(BitConverter.GetBytes(l));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
