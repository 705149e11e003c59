using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GameDrift.Cli.Demo;

/// <summary>The main job's size: samples/demo.yaml (or demo-full.yaml), one file so that the job is tuned in one place.
/// Its three parts: the Dirac-GAN phase diagrams, the ring of Gaussians sweep, the Fashion-MNIST comparison.</summary>
public sealed class DemoPlan
{
    public int Workers { get; set; } = 2;
    public DiracPart Dirac { get; set; } = new();
    public MogPart Mog { get; set; } = new();
    public ImagesPart Images { get; set; } = new();

    public sealed class DiracPart
    {
        public int Steps { get; set; } = 1000;
        public string LrDRange { get; set; } = "0.01:1:25";
        public string RatioRange { get; set; } = "0.125:8:25";
        public List<double> Start { get; set; } = [1, 1];
        public List<string> Schemes { get; set; } = ["simultaneous", "alternating"];
        public List<string> Regularisers { get; set; } = ["none"];
        public List<Trajectory> Trajectories { get; set; } = [];
    }

    public sealed class Trajectory
    {
        public string Scheme { get; set; } = "simultaneous";
        public double LrD { get; set; } = 0.1;
        public double LrG { get; set; } = 0.1;
        public int Steps { get; set; } = 300;
        public string Reg { get; set; } = "none";
    }

    public sealed class MogPart
    {
        public int Steps { get; set; } = 3000;
        public int Hidden { get; set; } = 64;
        public int Layers { get; set; } = 2;
        public int Batch { get; set; } = 128;
        /// <summary>The standard deviation of each Gaussian of the ring (radius 2).</summary>
        public double Std { get; set; } = 0.02;
        public string Loss { get; set; } = "saturating";
        public int EvalEvery { get; set; } = 500;
        public List<double> Lrs { get; set; } = [0.1];
        public List<ulong> Seeds { get; set; } = [0, 1, 2];
        public Dictionary<string, Method> Methods { get; set; } = [];
        /// <summary>Extra lr_d / lr_g ratios per method, run at the middle learning rate.</summary>
        public Dictionary<string, List<double>> Ratios { get; set; } = [];
        public List<string> CoSensitivity { get; set; } = [];
    }

    public sealed class Method
    {
        public string Scheme { get; set; } = "simultaneous";
        public string Reg { get; set; } = "none";
        /// <summary>The learning rates (lr_d = lr_g) this method runs at; null: all of the part's.</summary>
        public List<double>? Lrs { get; set; }
    }

    public sealed class ImagesPart
    {
        public string Sweep { get; set; } = "sweeps/fmnist-core.yaml";
        public List<string> Set { get; set; } = [];
    }

    /// <summary>Reads a plan; a missing file or a key that is not one of the plan's names gives one clear error.</summary>
    public static DemoPlan Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"demo plan not found: {path}", path);
        try
        {
            var plan = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<DemoPlan>(File.ReadAllText(path)) ?? new DemoPlan();
            plan.Validate(path);
            return plan;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: {(e.InnerException ?? e).Message}", e);
        }
    }

    private void Validate(string path)
    {
        if (Workers < 1) throw new InvalidDataException($"{path}: workers must be at least 1 (got {Workers})");
        if (Dirac.Steps < 1 || Mog.Steps < 1) throw new InvalidDataException($"{path}: steps must be at least 1");
        if (Mog.Methods.Count == 0 || Mog.Lrs.Count == 0 || Mog.Seeds.Count == 0)
            throw new InvalidDataException($"{path}: mog needs at least one method, lr and seed");
        if (!(Mog.Std > 0)) throw new InvalidDataException($"{path}: mog std must be positive (got {Mog.Std})");
        if (Mog.Lrs.Concat(Mog.Methods.Values.SelectMany(m => m.Lrs ?? [])).Any(l => !(l > 0))) throw new InvalidDataException($"{path}: mog lrs must be positive");
        foreach (var (method, ratios) in Mog.Ratios)
        {
            if (!Mog.Methods.ContainsKey(method)) throw new InvalidDataException($"{path}: mog ratios: '{method}' is not one of the methods");
            if (ratios.Any(r => !(r > 0))) throw new InvalidDataException($"{path}: mog ratios of '{method}' must be positive");
        }
    }
}
