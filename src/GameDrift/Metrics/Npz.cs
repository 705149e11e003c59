using System.IO.Compression;
using GameDrift.Io;

namespace GameDrift.Metrics;

/// <summary>
/// numpy <c>.npz</c> archives: a zip whose members are <c>.npy</c> arrays named
/// <c>&lt;key&gt;.npy</c>, stored (<c>np.savez</c>) or deflated (<c>np.savez_compressed</c>).
/// </summary>
public static partial class Npz
{
    private const string Suffix = ".npy";

    /// <summary>Reads every array of an archive, keyed by name without the <c>.npy</c> suffix.</summary>
    public static IReadOnlyDictionary<string, NpyArray> Read(string path)
    {
        using ZipArchive zip = OpenArchive(path);
        var result = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        foreach (ZipArchiveEntry entry in zip.Entries)
            result[KeyOf(entry)] = ReadEntry(entry, path);
        return result;
    }

    /// <summary>Reads one array; the error for a missing key names the key, the file and what it holds.</summary>
    public static NpyArray ReadArray(string path, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using ZipArchive zip = OpenArchive(path);
        ZipArchiveEntry? entry = zip.GetEntry(key + Suffix) ?? zip.GetEntry(key);
        if (entry is null)
        {
            string present = string.Join(", ", zip.Entries.Select(e => "'" + KeyOf(e) + "'"));
            throw new NpyFormatException($"{path}: no array '{key}' in the archive (it holds {(present.Length > 0 ? present : "nothing")}).");
        }
        return ReadEntry(entry, path);
    }

    /// <summary>Writes the arrays as <c>&lt;key&gt;.npy</c> members, deflated like <c>np.savez_compressed</c> by default.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, NpyArray> arrays, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(arrays);
        // A crash never leaves a half-written reference file.
        AtomicFile.Write(path, temp =>
        {
            using FileStream file = File.Create(temp);
            using var zip = new ZipArchive(file, ZipArchiveMode.Create);
            foreach ((string key, NpyArray array) in arrays)
            {
                ZipArchiveEntry entry = zip.CreateEntry(key + Suffix, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
                using Stream s = entry.Open();
                Npy.Write(s, array);
            }
        });
    }

    private static ZipArchive OpenArchive(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file = File.OpenRead(path);
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            file.Dispose();
            throw new NpyFormatException($"{path}: not an .npz (zip) archive.", e);
        }
    }

    private static NpyArray ReadEntry(ZipArchiveEntry entry, string path)
    {
        try
        {
            using Stream s = entry.Open();
            return Npy.Read(s, $"{path}: array '{KeyOf(entry)}'");
        }
        catch (InvalidDataException e)
        {
            throw new NpyFormatException($"{path}: array '{KeyOf(entry)}' is corrupt in the archive.", e);
        }
    }

    private static string KeyOf(ZipArchiveEntry entry)
        => entry.FullName.EndsWith(Suffix, StringComparison.Ordinal) ? entry.FullName[..^Suffix.Length] : entry.FullName;
}
