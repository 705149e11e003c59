using System.Reflection;
using System.Text.Json;
using GameDrift.Torch;
using GameDrift.Torch.Formats;

namespace GameDrift.Training.Export;

/// <summary>
/// A run's trained networks in files other tools load safely (<c>gamedrift export</c>). <c>pt</c>: <c>weights.pt</c>, plain
/// state dicts of the generator, the discriminator and the EMA generator with the game and the architecture named —
/// tensors, integers and strings only, so <c>torch.load(path, weights_only=True)</c> reads it in every PyTorch with the
/// flag (1.13 on) — and <c>training.pt</c>, the optimisers' state dicts in PyTorch's layout and the run's config, with
/// hyper-parameters as plain numbers (weights-only loadable from PyTorch 2.0, whose loader reads floats). <c>safetensors</c>:
/// <c>generator.safetensors</c>, <c>discriminator.safetensors</c>, <c>ema_generator.safetensors</c>, their metadata
/// naming the game, the network, its architecture, the step and the config (JSON). <c>torchscript</c>: the players that
/// came from TorchScript files, written back as TorchScript (<see cref="ScriptExport"/>).
/// </summary>
public static class RunExport
{
    public const string WeightsFormat = "gamedrift-weights-1";

    /// <summary>Exports the run's <paramref name="checkpoint"/> (latest or best) into <paramref name="outDir"/>
    /// (default: DIR/export); returns the files written.</summary>
    public static IReadOnlyList<string> Run(string runDirectory, string format, string checkpoint = "latest", string? outDir = null)
    {
        if (format is not ("pt" or "safetensors" or "torchscript")) throw new ArgumentException($"--format must be pt, safetensors or torchscript, got '{format}'");
        if (checkpoint is not ("latest" or "best")) throw new ArgumentException($"--checkpoint must be latest or best, got '{checkpoint}'");
        var configPath = Path.Combine(runDirectory, "config.yaml");
        if (!File.Exists(configPath)) throw new FileNotFoundException($"{runDirectory} is not a run directory: no config.yaml", configPath);
        var checkpointPath = Path.Combine(runDirectory, "checkpoints", checkpoint + ".pt");
        if (!File.Exists(checkpointPath)) throw new FileNotFoundException($"no checkpoint {checkpointPath}", checkpointPath);
        var config = ConfigLoader.Load(configPath);
        var dir = outDir ?? Path.Combine(runDirectory, "export");
        using var scope = torch.NewDisposeScope();
        using var c = Checkpoint.Load(checkpointPath);
        if (format == "torchscript") return ScriptExport.Write(config, c, dir);
        var (generatorArch, discriminatorArch) = Architectures(config);
        var networks = new List<(string Name, string Architecture, Dictionary<string, Tensor> State)>
        {
            ("generator", generatorArch, c.Section(Checkpoint.GeneratorPrefix)),
            ("discriminator", discriminatorArch, c.Section(Checkpoint.DiscriminatorPrefix)),
        };
        if (c.Has(Checkpoint.EmaPrefix)) networks.Add(("ema_generator", generatorArch, c.Section(Checkpoint.EmaPrefix)));
        var written = new List<string>();
        if (format == "pt")
        {
            var weights = new Dictionary<string, object>
            {
                ["format"] = WeightsFormat,
                ["game"] = config.Game,
                ["step"] = c.Step,
                ["architecture"] = new Dictionary<string, object> { ["generator"] = generatorArch, ["discriminator"] = discriminatorArch },
            };
            foreach (var (name, _, state) in networks) weights[name] = state;
            written.Add(Save(weights, Path.Combine(dir, "weights.pt")));
            var training = new Dictionary<string, object>
            {
                ["step"] = c.Step,
                ["config"] = PlainConfig(config),
                ["optimizer_g"] = PyTorchOptimizerState(c.Section(Checkpoint.GenOptimizerPrefix)),
                ["optimizer_d"] = PyTorchOptimizerState(c.Section(Checkpoint.DiscOptimizerPrefix)),
            };
            written.Add(Save(training, Path.Combine(dir, "training.pt")));
        }
        else
        {
            var configJson = JsonSerializer.Serialize(PlainConfig(config));
            foreach (var (name, arch, state) in networks)
            {
                var path = Path.Combine(dir, name + ".safetensors");
                Safetensors.Save(state, path, new Dictionary<string, string>
                {
                    ["format"] = "pt", ["game"] = config.Game, ["network"] = name, ["architecture"] = arch,
                    ["step"] = c.Step.ToString(System.Globalization.CultureInfo.InvariantCulture), ["config"] = configJson,
                });
                written.Add(path);
            }
        }
        return written;
    }

    private static string Save(object value, string path)
    {
        PlainPickle.Save(value, path);
        return path;
    }

    /// <summary>The networks' PyTorch-style descriptions (built from the game, untrained: only the structure matters).</summary>
    private static (string Generator, string Discriminator) Architectures(RunConfig config)
    {
        var definition = Networks.RunGames.Resolve(config);
        using var rng = new Generator(0);
        using GameDrift.Torch.nn.Module g = definition.CreateGenerator(config, rng), d = definition.CreateDiscriminator(config, rng);
        return ($"{config.Game}: {g}", $"{config.Game}: {d}");
    }

    /// <summary>Every config key with its typed value (numbers as numbers).</summary>
    public static Dictionary<string, object> PlainConfig(RunConfig config) => typeof(RunConfig).GetProperties()
        .Select(p => (p, a: p.GetCustomAttribute<ConfigKeyAttribute>()))
        .Where(x => x.a is { Derived: false })
        .ToDictionary(x => x.a!.Name, x => x.p.GetValue(config) ?? "");

    /// <summary>GameDrift's flat optimiser state (<c>param_groups.G.NAME</c>, <c>state.I.NAME</c> tensors) in PyTorch's
    /// nested layout: <c>{"state": {i: {...}}, "param_groups": [{"params": [...], "lr": 0.01, ...}]}</c>, hyper-parameters
    /// and step counts as plain numbers.</summary>
    public static Dictionary<string, object> PyTorchOptimizerState(IReadOnlyDictionary<string, Tensor> flat)
    {
        var groups = new SortedDictionary<int, Dictionary<string, object>>();
        var state = new SortedDictionary<long, Dictionary<string, object>>();
        foreach (var (key, t) in flat)
        {
            var parts = key.Split('.', 3);
            if (parts.Length != 3) throw new InvalidDataException($"unexpected optimiser key '{key}'");
            var i = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            if (parts[0] == "param_groups")
            {
                var g = groups.TryGetValue(i, out var x) ? x : groups[i] = new Dictionary<string, object>();
                g[parts[2]] = parts[2] == "params" ? t.ToArray<long>().ToList() : t.ToDouble();
            }
            else if (parts[0] == "state")
            {
                var s = state.TryGetValue(i, out var x) ? x : state[i] = new Dictionary<string, object>();
                s[parts[2]] = parts[2] == "step" ? t.ToInt64() : t;
            }
            else throw new InvalidDataException($"unexpected optimiser key '{key}'");
        }
        return new Dictionary<string, object>
        {
            ["state"] = state.ToDictionary(kv => kv.Key, kv => (object)kv.Value),
            ["param_groups"] = groups.Values.ToList(),
        };
    }
}
