using GameDrift.Tests.Support;
using GameDrift.Torch;
using GameDrift.Torch.Formats;
using GameDrift.Training;
using GameDrift.Training.Export;

namespace GameDrift.Tests.Training.Export;

[Collection(GlobalRngCollection.Name)]
public class RunExportTests
{
    /// <summary>A finished tiny run with Adam (optimiser state) and a generator EMA.</summary>
    private static TempDirectory TrainedRun()
    {
        var tmp = new TempDirectory();
        new Trainer(TinyGan.Config("optimizer=adam", "ema=0.5", "steps=3"), tmp.Path).Run();
        return tmp;
    }

    [Fact]
    public void SafetensorsHoldTheCheckpointsTensorsByTheDocumentedLayout()
    {
        using var run = TrainedRun();
        var files = RunExport.Run(run.Path, "safetensors");
        Assert.Equal(["generator", "discriminator", "ema_generator"], files.Select(Path.GetFileNameWithoutExtension));
        using var ckpt = Checkpoint.Load(run.Combine("checkpoints", "latest.pt"));
        foreach (var (file, prefix) in files.Zip([Checkpoint.GeneratorPrefix, Checkpoint.DiscriminatorPrefix, Checkpoint.EmaPrefix]))
        {
            var (tensors, metadata) = Safetensors.Read(file);
            var section = ckpt.Section(prefix);
            Assert.Equal(section.Keys.Order(), tensors.Keys.Order());
            foreach (var (name, t) in section)
            {
                Assert.Equal(Safetensors.DTypeOf(t.DType), tensors[name].DType);
                Assert.Equal(t.Shape, tensors[name].Shape);
                Assert.Equal(t.ToBytes(), tensors[name].Data);
            }
            Assert.Equal(TinyGan.Name, metadata["game"]);
            Assert.Equal("3", metadata["step"]);
            Assert.Contains("Linear", metadata["architecture"]);
        }
    }

    [Fact]
    public void OptimiserStateTakesPyTorchsLayoutWithPlainNumbers()
    {
        using var run = TrainedRun();
        using var ckpt = Checkpoint.Load(run.Combine("checkpoints", "latest.pt"));
        var state = RunExport.PyTorchOptimizerState(ckpt.Section(Checkpoint.GenOptimizerPrefix));
        var group = Assert.Single((List<Dictionary<string, object>>)state["param_groups"]);
        Assert.Equal(0.05, Assert.IsType<double>(group["lr"]));
        var perParameter = (Dictionary<long, object>)state["state"];
        Assert.Equal(((List<long>)group["params"]).Count, perParameter.Count);
        Assert.Equal(3L, ((Dictionary<string, object>)perParameter[0])["step"]);
    }

    private const string LoadScript = """
import sys, json, struct, pickletools, zipfile, torch
run, export = sys.argv[1], sys.argv[2]
w = torch.load(export + "/weights.pt", weights_only=True)
assert w["format"] == "gamedrift-weights-1" and w["game"] == "test-tiny-gan" and w["step"] == 3, (w["format"], w["game"], w["step"])
assert "Linear" in w["architecture"]["generator"]
# The state dicts equal the safetensors files, read by the format's documented layout.
for net in ["generator", "discriminator", "ema_generator"]:
    raw = open(f"{export}/{net}.safetensors", "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    assert set(k for k in header if k != "__metadata__") == set(w[net].keys()), net
    for k, t in w[net].items():
        h = header[k]
        b, e = h["data_offsets"]
        assert list(t.shape) == h["shape"], k
        dtype = {"F32": torch.float32, "I64": torch.int64, "F64": torch.float64}[h["dtype"]]
        assert t.dtype == dtype, k
        assert t.contiguous().numpy().tobytes() == raw[8 + n + b: 8 + n + e], k
# A PyTorch module loads the plain state dict.
g = torch.nn.Sequential(torch.nn.Linear(4, 64), torch.nn.BatchNorm1d(64), torch.nn.Tanh(), torch.nn.Unflatten(1, (1, 8, 8)))
g.load_state_dict(w["generator"])
# training.pt: hyper-parameters as plain numbers; only opcodes PyTorch >= 2.0's weights-only loader reads.
t = torch.load(export + "/training.pt")
lr = t["optimizer_g"]["param_groups"][0]["lr"]
assert isinstance(lr, float) and lr == 0.05, lr
assert isinstance(t["config"]["lr_d"], float) and t["config"]["steps"] == 3
assert isinstance(t["optimizer_g"]["state"][0]["exp_avg"], torch.Tensor)
allowed = {"PROTO", "STOP", "GLOBAL", "REDUCE", "MARK", "TUPLE", "EMPTY_TUPLE", "EMPTY_DICT", "EMPTY_LIST", "SETITEMS", "APPENDS",
           "BININT", "LONG1", "BINUNICODE", "BINFLOAT", "NEWTRUE", "NEWFALSE", "NONE", "BINPERSID"}
for f in ["weights.pt", "training.pt"]:
    with zipfile.ZipFile(f"{export}/{f}") as z:
        ops = {op.name for op, _, _ in pickletools.genops(z.read("archive/data.pkl"))}
    assert ops <= allowed, (f, ops - allowed)
print("ok")
""";

    [FactIfPythonTorch]
    public void PyTorchLoadsTheExportWithWeightsOnly()
    {
        using var run = TrainedRun();
        var export = run.Combine("export");
        RunExport.Run(run.Path, "pt");
        RunExport.Run(run.Path, "safetensors");
        Assert.Equal("ok", PythonTorch.Check(LoadScript, run.Path, export).Trim());
    }
}
