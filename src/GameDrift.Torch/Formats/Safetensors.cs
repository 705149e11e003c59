using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GameDrift.Torch.Formats;

/// <summary>The <c>safetensors</c> format as documented (huggingface/safetensors): an unsigned little-endian 64-bit
/// header length, a JSON header mapping each tensor name to its <c>dtype</c>, <c>shape</c> and <c>data_offsets</c>
/// (begin, end) in the byte buffer that follows, plus an optional <c>__metadata__</c> map of strings; then the
/// tensors' little-endian, row-major bytes, back to back. The header is padded with spaces to a multiple of 8.</summary>
public static class Safetensors
{
    /// <summary>One stored tensor: its format dtype (F32, F64, I64, ...), shape and raw little-endian bytes.</summary>
    public sealed record Entry(string DType, long[] Shape, byte[] Data);

    public static string DTypeOf(ScalarType t) => t switch
    {
        ScalarType.Float32 => "F32", ScalarType.Float64 => "F64", ScalarType.Float16 => "F16", ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64", ScalarType.Int32 => "I32", ScalarType.Int16 => "I16", ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8", ScalarType.Bool => "BOOL", _ => throw new NotSupportedException($"safetensors has no dtype for {t}"),
    };

    /// <summary>Writes the tensors (in the given order) and the metadata, through a temporary file and a rename.</summary>
    public static void Save(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
            header["__metadata__"] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        var buffers = new List<byte[]>();
        long offset = 0;
        foreach (var (name, t) in tensors)
        {
            if (name == "__metadata__" || header.ContainsKey(name)) throw new ArgumentException($"tensor name '{name}' is reserved or repeated");
            var bytes = t.ToBytes();
            header[name] = new JsonObject
            {
                ["dtype"] = DTypeOf(t.DType),
                ["shape"] = new JsonArray(t.Shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes.Length),
            };
            offset += bytes.Length;
            buffers.Add(bytes);
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8;
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using (var f = File.Create(full + ".tmp"))
        {
            Span<byte> n = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(n, (ulong)padded);
            f.Write(n);
            f.Write(json);
            for (var i = json.Length; i < padded; i++) f.WriteByte((byte)' ');
            foreach (var b in buffers) f.Write(b);
        }
        File.Move(full + ".tmp", full, overwrite: true);
    }

    /// <summary>Reads a file's tensors (raw) and metadata, checking that the offsets tile the buffer.</summary>
    public static (Dictionary<string, Entry> Tensors, Dictionary<string, string> Metadata) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: too short for a safetensors file");
        var n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (n > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{path}: header length {n} exceeds the file");
        var header = JsonNode.Parse(Encoding.UTF8.GetString(bytes, 8, (int)n))?.AsObject()
                     ?? throw new InvalidDataException($"{path}: the header is not a JSON object");
        var start = 8 + (long)n;
        var tensors = new Dictionary<string, Entry>();
        var metadata = new Dictionary<string, string>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (k, v) in node!.AsObject()) metadata[k] = v!.GetValue<string>();
                continue;
            }
            var o = node!.AsObject();
            var offsets = o["data_offsets"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray();
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || start + offsets[1] > bytes.Length)
                throw new InvalidDataException($"{path}: bad data_offsets for '{name}'");
            tensors[name] = new Entry(o["dtype"]!.GetValue<string>(), o["shape"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray(),
                bytes.AsSpan((int)(start + offsets[0]), (int)(offsets[1] - offsets[0])).ToArray());
        }
        return (tensors, metadata);
    }
}
