using System.Security.Cryptography;
using System.Text;
using GameDrift.Torch;

namespace GameDrift.Metrics.Extractors;

/// <summary>A short content hash of a network's state (names, element types, shapes and values of its parameters and
/// buffers): two extractors with the same fingerprint give the same features, so metrics carry it.</summary>
public static class WeightsFingerprint
{
    public static string Of(IEnumerable<KeyValuePair<string, Tensor>> state)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, t) in state.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{name}:{t.DType.TorchName()}[{string.Join(",", t.Shape)}]"));
            sha.AppendData(t.ToBytes());
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
