using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

public class SerializationTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("gd-ser-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void RoundTripIsBitExactForEveryCommonDtype()
    {
        var f32 = new[] { 0f, -0f, 1.5f, float.Epsilon, float.MaxValue, float.NaN, float.NegativeInfinity, 1f / 3 };
        var f64 = new[] { 0.0, -0.0, Math.PI, double.Epsilon, double.MinValue, double.NaN, double.PositiveInfinity, 1.0 / 3 };
        var i64 = new[] { long.MinValue, -1L, 0L, long.MaxValue };
        var b = new[] { true, false, false, true };
        var tensors = new Dictionary<string, Tensor>
        {
            ["layer.weight"] = torch.Tensor(f32, new long[] { 2, 4 }),
            ["layer.bias"] = torch.Tensor(f64),
            ["step"] = torch.Tensor(i64),
            ["mask"] = torch.Tensor(b, new long[] { 2, 2 }),
        };
        var path = Path.Combine(dir, "ckpt.pt");
        torch.Save(tensors, path);
        var back = torch.Load(path);

        Assert.Equal(tensors.Keys.Order(), back.Keys.Order());
        foreach (var (k, t) in tensors)
        {
            Assert.Equal(t.DType, back[k].DType);
            Assert.Equal(t.Shape, back[k].Shape);
        }
        Assert.Equal(f32.Select(BitConverter.SingleToInt32Bits), back["layer.weight"].ToArray<float>().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(f64.Select(BitConverter.DoubleToInt64Bits), back["layer.bias"].ToArray<double>().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(i64, back["step"].ToArray<long>());
        Assert.Equal(b, back["mask"].ToArray<bool>());
        Assert.False(File.Exists(path + ".tmp"));
        foreach (var t in tensors.Values.Concat(back.Values)) t.Dispose();
    }

    [Fact]
    public void SavesViewsAndTensorsThatRequireGradAsPlainValues()
    {
        using var w = torch.Arange(12, ScalarType.Float64).Reshape(3, 4).RequiresGrad_();
        using var t = w.T();          // non-contiguous
        using var row = w[1];         // storage offset
        var path = Path.Combine(dir, "views.pt");
        torch.Save(new Dictionary<string, Tensor> { ["t"] = t, ["row"] = row }, path);
        var back = torch.Load(path);
        Assert.Equal(new long[] { 4, 3 }, back["t"].Shape);
        Assert.Equal(new[] { 0.0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11 }, back["t"].ToArray<double>());
        Assert.Equal(new[] { 4.0, 5, 6, 7 }, back["row"].ToArray<double>());
        Assert.False(back["row"].RequiresGrad);
        foreach (var x in back.Values) x.Dispose();
    }

    [Fact]
    public void OverwritesAnExistingFile()
    {
        var path = Path.Combine(dir, "a.pt");
        using (var one = torch.Ones(2)) torch.Save(new Dictionary<string, Tensor> { ["x"] = one }, path);
        using (var two = torch.Full(new long[] { 3 }, 2.0)) torch.Save(new Dictionary<string, Tensor> { ["y"] = two }, path);
        var back = torch.Load(path);
        Assert.Equal(new[] { "y" }, back.Keys);
        Assert.Equal(new[] { 2f, 2f, 2f }, back["y"].ToArray<float>());
        back["y"].Dispose();
    }

    [Fact]
    public void LoadsADictSavedByPythonTorchSave()
    {
        var d = torch.Load(Fixture.Path("tensors_py.pt"));
        try
        {
            Assert.Equal(ScalarType.Float32, d["f32"].DType);
            Assert.Equal(new long[] { 2, 3 }, d["f32"].Shape);
            Assert.Equal(new[] { 0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f }, d["f32"].ToArray<float>());
            Assert.Equal(new[] { -1.0, -0.5, 0, 0.5, 1 }, d["f64"].ToArray<double>());
            Assert.Equal(new long[] { -3, -2, -1, 0, 1, 2 }, d["i64"].ToArray<long>());
            Assert.Equal(new[] { true, false, true }, d["bool"].ToArray<bool>());
            Assert.Equal(ScalarType.Byte, d["u8"].DType);
            Assert.Equal(new byte[] { 250, 251, 252, 253, 254, 255 }, d["u8"].ToArray<byte>());
            // Views keep their offset and strides: base = arange(24).reshape(4, 6).
            Assert.Equal(Enumerable.Range(6, 6).Select(i => (float)i), d["offset_view"].ToArray<float>());
            Assert.Equal(new long[] { 6, 4 }, d["transposed"].Shape);
            Assert.Equal(Enumerable.Range(0, 24).Select(k => (float)(k % 4 * 6 + k / 4)), d["transposed"].ToArray<float>());
            Assert.Equal(0, d["scalar"].Dim);
            Assert.Equal(2.5, d["scalar"].ToDouble());
        }
        finally
        {
            foreach (var t in d.Values) t.Dispose();
        }
    }

    [Fact]
    public void LoadsAPythonStateDictSavedAsAPlainDict()
    {
        // torch.save(dict(nn.Linear(3, 2).state_dict())) with weight = arange(6).reshape(2, 3), bias = [-1, 1].
        var d = torch.Load(Fixture.Path("state_dict_plain_py.pt"));
        Assert.Equal(new[] { "weight", "bias" }, d.Keys);
        Assert.Equal(new[] { 0f, 1, 2, 3, 4, 5 }, d["weight"].ToArray<float>());
        Assert.Equal(new[] { -1f, 1 }, d["bias"].ToArray<float>());
        foreach (var t in d.Values) t.Dispose();
    }

    [Fact]
    public void AnOrderedDictStateDictFailsWithAnActionableMessage()
    {
        // libtorch 1.13's unpickler cannot read collections.OrderedDict (what state_dict() returns).
        var ex = Assert.Throws<TorchException>(() => torch.Load(Fixture.Path("state_dict_py.pt")));
        Assert.Contains("dict(state_dict)", ex.Message);
        Assert.Contains("Expected GenericDict but got None", ex.Message);
    }
}
