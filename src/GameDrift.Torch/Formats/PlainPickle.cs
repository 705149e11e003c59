using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace GameDrift.Torch.Formats;

/// <summary>
/// Writes Python values — dicts with string or integer keys, lists, strings, integers, floats, booleans, None and
/// tensors — in the file format of Python's <c>torch.save</c> (a zip of <c>data.pkl</c>, one raw buffer per tensor
/// under <c>data/</c>, and <c>version</c>), using only what <c>torch.load(path, weights_only=True)</c> accepts: no
/// classes but the tensor rebuild function and the storage types, nothing executed on load.
/// </summary>
/// <remarks>The pickle is protocol 2 as Python writes it. Floats use the BINFLOAT opcode, which PyTorch's weights-only
/// loader reads from 2.0 on (1.13's does not): write values that must load in 1.13 with weights_only as tensors,
/// integers or strings. Tensors are written contiguous, on the CPU, with <c>requires_grad=False</c>.</remarks>
public static class PlainPickle
{
    public static void Save(object? value, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = full + ".tmp";
        var archive = "archive";
        var storages = new List<Tensor>();
        var pickle = new MemoryStream();
        new Writer(pickle, storages).Write(value);
        using (var file = File.Create(tmp))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            void Entry(string name, ReadOnlySpan<byte> bytes)
            {
                using var s = zip.CreateEntry($"{archive}/{name}", CompressionLevel.NoCompression).Open();
                s.Write(bytes);
            }
            Entry("data.pkl", pickle.ToArray());
            Entry("byteorder", "little"u8);
            for (var i = 0; i < storages.Count; i++) Entry($"data/{i}", storages[i].ToBytes());
            Entry("version", "3\n"u8);
        }
        File.Move(tmp, full, overwrite: true);
    }

    private sealed class Writer(Stream s, List<Tensor> storages)
    {
        public void Write(object? value)
        {
            s.Write([0x80, 2]); // PROTO 2
            Value(value);
            s.WriteByte((byte)'.'); // STOP
        }

        private void Op(char c) => s.WriteByte((byte)c);

        private void Value(object? v)
        {
            switch (v)
            {
                case null: Op('N'); break;
                case bool b: s.WriteByte(b ? (byte)0x88 : (byte)0x89); break;
                case string str: Str(str); break;
                case int or long or short or byte or uint: Int(Convert.ToInt64(v, CultureInfo.InvariantCulture)); break;
                case double or float:
                {
                    Op('G'); // BINFLOAT, big-endian
                    Span<byte> b = stackalloc byte[8];
                    BinaryPrimitives.WriteDoubleBigEndian(b, Convert.ToDouble(v, CultureInfo.InvariantCulture));
                    s.Write(b);
                    break;
                }
                case Tensor t: TensorValue(t); break;
                case System.Collections.IDictionary d:
                    Op('}');
                    if (d.Count == 0) break;
                    Op('(');
                    foreach (System.Collections.DictionaryEntry e in d)
                    {
                        if (e.Key is not (string or int or long)) throw new ArgumentException($"dictionary keys must be strings or integers, got {e.Key.GetType().Name}");
                        Value(e.Key);
                        Value(e.Value);
                    }
                    Op('u'); // SETITEMS
                    break;
                case System.Collections.IEnumerable list:
                    Op(']');
                    Op('(');
                    foreach (var x in list) Value(x);
                    Op('e'); // APPENDS
                    break;
                default: throw new ArgumentException($"cannot write a {v.GetType().Name} into a weights-only PyTorch file");
            }
        }

        private void Str(string str)
        {
            var bytes = Encoding.UTF8.GetBytes(str);
            Op('X'); // BINUNICODE
            Span<byte> n = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(n, (uint)bytes.Length);
            s.Write(n);
            s.Write(bytes);
        }

        private void Int(long v)
        {
            Span<byte> b = stackalloc byte[8];
            if (v is >= int.MinValue and <= int.MaxValue)
            {
                Op('J'); // BININT
                BinaryPrimitives.WriteInt32LittleEndian(b, (int)v);
                s.Write(b[..4]);
                return;
            }
            s.WriteByte(0x8a); // LONG1: little-endian two's complement
            s.WriteByte(8);
            BinaryPrimitives.WriteInt64LittleEndian(b, v);
            s.Write(b);
        }

        private void Tuple(IEnumerable<long> xs)
        {
            Op('(');
            foreach (var x in xs) Int(x);
            Op('t');
        }

        private static string StorageType(ScalarType t) => t switch
        {
            ScalarType.Float32 => "FloatStorage", ScalarType.Float64 => "DoubleStorage", ScalarType.Float16 => "HalfStorage",
            ScalarType.BFloat16 => "BFloat16Storage", ScalarType.Int64 => "LongStorage", ScalarType.Int32 => "IntStorage",
            ScalarType.Int16 => "ShortStorage", ScalarType.Int8 => "CharStorage", ScalarType.Byte => "ByteStorage",
            ScalarType.Bool => "BoolStorage", _ => throw new NotSupportedException($"no PyTorch storage type for {t}"),
        };

        /// <summary>torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, backward_hooks), the
        /// storage a persistent id ('storage', torch.XStorage, key, 'cpu', numel) naming data/key.</summary>
        private void TensorValue(Tensor t)
        {
            var shape = t.Shape;
            var stride = new long[shape.Length];
            for (long i = shape.Length - 1, acc = 1; i >= 0; acc *= shape[i], i--) stride[i] = acc;
            var key = storages.Count;
            storages.Add(t);
            Global("torch._utils", "_rebuild_tensor_v2");
            Op('(');
            Op('(');
            Str("storage");
            Global("torch", StorageType(t.DType));
            Str(key.ToString(CultureInfo.InvariantCulture));
            Str("cpu");
            Int(t.NumberOfElements);
            Op('t');
            Op('Q'); // BINPERSID
            Int(0);
            Tuple(shape);
            Tuple(stride);
            s.WriteByte(0x89); // requires_grad False
            Global("collections", "OrderedDict");
            Op(')');
            Op('R');
            Op('t');
            Op('R'); // REDUCE
        }

        private void Global(string module, string name)
        {
            Op('c');
            s.Write(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
        }
    }
}
