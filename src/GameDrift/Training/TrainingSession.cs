using GameDrift.Data;
using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Torch.optim;
using GameDrift.Transforms;
using GameDrift.Training.Networks;
using GameDrift.Training.Observers;

namespace GameDrift.Training;

/// <summary>The live objects of one run built from a config: networks, optional generator EMA, optimisers, the
/// game, the update scheme, the batch source, the RNGs and the fixed grid latents. It saves and restores all of
/// them through a <see cref="Checkpoint"/>.</summary>
public sealed class TrainingSession : IDisposable
{
    private readonly Generator regulariserRng;
    private readonly DataBatchSource batches;
    private readonly Tensor gridLatents;
    private readonly Tensor[] parameters;
    private readonly double lrD, lrG;

    /// <param name="gameDefinition">the game to run instead of the one the config names (a game built from settings of its own).</param>
    /// <param name="runDirectory">the run's directory, where observers that draw pictures write them (none when null).</param>
    public TrainingSession(RunConfig config, ImageDataset? data = null, GameDefinition? gameDefinition = null, string? runDirectory = null)
    {
        Config = config;
        RunDirectory = runDirectory;
        Seeds = RunSeeds.From(config.Seed);
        var device = RunDevice.Resolve(config.Device);
        var definition = gameDefinition ?? RunGames.Resolve(config);
        var dataset = definition.Draw is not null ? null : data ?? definition.LoadData?.Invoke(config) ?? DatasetLoader.Load(config, definition.ImageShape);
        if (dataset is not null && data is null && definition.ImageShape is { } shape && (dataset.Channels, dataset.Height, dataset.Width) != (shape.Channels, shape.Height, shape.Width))
            throw new InvalidDataException($"game '{config.Game}' takes {shape} images, but the data are {dataset.Channels}x{dataset.Height}x{dataset.Width}");
        Dataset = dataset;
        // As torch.manual_seed(seed) in a PyTorch script: layers built without an explicit generator draw their
        // initial weights from the global generator, so they start the same in every run with this seed.
        torch.ManualSeed(unchecked((ulong)config.Seed));
        using (var init = new Generator(Seeds.Init))
        {
            Generator = definition.CreateGenerator(config, init);
            Discriminator = definition.CreateDiscriminator(config, init);
            if (config.Ema > 0)
            {
                Ema = definition.CreateGenerator(config, init);
                Ema.RequiresGrad_(false);
            }
        }
        Generator.To(device);
        Discriminator.To(device);
        if (dataset is not null) NetworkShapes.Check(config, Generator, Discriminator, dataset, device);
        if (Ema is not null)
        {
            Ema.To(device);
            using var scope = torch.NewDisposeScope();
            Ema.LoadStateDict(Generator.StateDict());
        }
        EmaDecay = config.Ema;
        (lrD, lrG) = (config.LrD, config.LrG);
        parameters = Generator.Parameters().Concat(Discriminator.Parameters()).ToArray();

        DiscOptimizer = MakeOptimizer(config, config.OptimizerOf(discriminator: true), Discriminator.Parameters(), config.LrD);
        GenOptimizer = MakeOptimizer(config, config.OptimizerOf(discriminator: false), Generator.Parameters(), config.LrG);
        regulariserRng = new Generator(Seeds.Regularisers);
        var game = definition.CreateGame?.Invoke(config, Generator, Discriminator)
            ?? new GanGame(InstanceNoise.Wrap(Discriminator.Forward, InstanceNoise.Sigma(config.Regularisers), regulariserRng),
                Discriminator.Parameters(), Generator.Forward, Generator.Parameters(), GanLoss.Parse(config.Loss));
        var regularisers = RegulariserRegistry.Parse(config.Regularisers, regulariserRng);
        DataBatchSource Source(ulong samplerSeed, ulong latentSeed) => dataset is null
            ? new DataBatchSource(definition.Draw!, config.BatchSize, new Generator(latentSeed), config.LatentDim, device)
            : new DataBatchSource(dataset, new BatchSampler(dataset.Count, config.BatchSize, samplerSeed), new Generator(latentSeed), config.LatentDim, device);
        batches = Source(Seeds.Sampler, Seeds.Latents);
        RunPreflight.CheckBatches(config, definition, regularisers);
        IPlayerOptimizer d = Dal(config, true, new OptimizerAdapter(DiscOptimizer)), g = Dal(config, false, new OptimizerAdapter(GenOptimizer));
        Scheme = SchemeFactory.Create(SchemeFactory.Parse(config.Scheme, "config key 'scheme'"), game, Chain.Of(regularisers, d), Chain.Of(regularisers, g),
            definition.IgnoresBatches ? BatchSource.None : batches, config.DiscFirst ? PlayerRole.Phi : PlayerRole.Theta, config.DiscSteps, config.GenSteps);
        using (var grid = new Generator(Seeds.Grid))
            gridLatents = torch.Randn(new long[] { config.GridSize, config.LatentDim }, grid, ScalarType.Float32, device);
        Observers = [.. StepObservers.Create(config, game, d, g, seed => Source(seed, SplitMix64.Mix(seed)), Generator, Discriminator),
            .. definition.Observers?.Invoke(this) ?? []];
    }

    /// <summary>What the run measures after its steps beyond the scheme's diagnostics (DAL rates, sharpness, and what
    /// the game measures itself).</summary>
    public IReadOnlyList<IStepObserver> Observers { get; }

    private static IPlayerOptimizer Dal(RunConfig c, bool discriminator, IPlayerOptimizer inner) =>
        c.OptimizerOf(discriminator) == "dal" ? new DalPlayerOptimizer(inner, c.DalP, c.DalMaxLrScale, DalRule.ParseHvp(c.DalHvp)) : inner;

    /// <summary>The settings the session was built from.</summary>
    public RunConfig Config { get; }
    /// <summary>The run's directory; null for a session outside a run.</summary>
    public string? RunDirectory { get; }
    internal RunSeeds Seeds { get; }
    /// <summary>The real images the run trains on; null for a game that draws its data (no image grid, no image metrics).</summary>
    public ImageDataset? Dataset { get; }
    public Module Generator { get; }
    public Module Discriminator { get; }
    /// <summary>The exponential moving average of the generator, or null when <c>ema</c> is 0.</summary>
    public Module? Ema { get; }
    public double EmaDecay { get; }
    public Optimizer DiscOptimizer { get; }
    public Optimizer GenOptimizer { get; }
    public UpdateScheme Scheme { get; }

    private static Optimizer MakeOptimizer(RunConfig c, string name, IEnumerable<Tensor> ps, double lr) => name switch
    {
        "sgd" or "dal" => new SGD(ps, lr, c.Momentum), // DAL sets the SGD rate per step (DalPlayerOptimizer)
        "adam" => new Adam(ps, lr, betas: (c.Beta1, c.Beta2)),
        "rmsprop" => new RMSprop(ps, lr, momentum: c.Momentum),
        _ => throw new ArgumentException($"config key 'optimizer': unknown optimizer '{name}'"),
    };

    /// <summary>ema ← decay·ema + (1 − decay)·generator for parameters; buffers (BN statistics) are copied.</summary>
    public void UpdateEma()
    {
        if (Ema is null) return;
        using var noGrad = torch.NoGrad();
        foreach (var ((_, e), (_, p)) in Ema.NamedParameters().Zip(Generator.NamedParameters())) e.Lerp_(p, 1 - EmaDecay);
        foreach (var ((_, e), (_, b)) in Ema.NamedBuffers().Zip(Generator.NamedBuffers())) e.Copy_(b);
    }

    /// <summary>True when no parameter holds a NaN or an Inf (a non-finite value makes its sum non-finite).</summary>
    public bool ParametersFinite()
    {
        using var scope = torch.NewDisposeScope();
        // One read from the device for all parameters, not one per tensor.
        return double.IsFinite(ParameterSum().ToDouble());
    }

    /// <summary>The sum of every parameter of both networks as a float64 scalar on their device (not read to the
    /// host): non-finite exactly when some parameter is, barring an overflow of the float64 sum itself.</summary>
    public Tensor ParameterSum()
    {
        using var noGrad = torch.NoGrad();
        return torch.Stack(parameters.Select(p => p.Sum().To(ScalarType.Float64)).ToArray()).Sum();
    }

    /// <summary>Samples (images, or the points of a game that draws its data) from the fixed grid latents, generated in evaluation mode; training mode is restored after.</summary>
    public (float[] Data, long[] Shape) Sample()
    {
        var g = Ema ?? Generator;
        var wasTraining = g.IsTraining;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        g.Eval();
        try
        {
            var x = g.Forward(gridLatents).To(Device.CPU).Contiguous();
            return (x.ToArray<float>(), x.Shape);
        }
        finally { g.Train(wasTraining); }
    }

    public void SaveCheckpoint(string path, long step, double wallTime)
    {
        using var scope = torch.NewDisposeScope();
        var sections = new List<(string, IReadOnlyDictionary<string, Tensor>)>
        {
            (Checkpoint.GeneratorPrefix, Generator.StateDict()),
            (Checkpoint.DiscriminatorPrefix, Discriminator.StateDict()),
            (Checkpoint.GenOptimizerPrefix, GenOptimizer.StateDict()),
            (Checkpoint.DiscOptimizerPrefix, DiscOptimizer.StateDict()),
        };
        if (Ema is not null) sections.Add((Checkpoint.EmaPrefix, Ema.StateDict()));
        Checkpoint.Save(path, step, wallTime, sections, batches.Latents, regulariserRng, batches.Sampler?.GetState(), gridLatents);
    }

    /// <summary>Loads a checkpoint. The config's learning rates win over the saved ones, so a resumed run can change them.</summary>
    public void Restore(Checkpoint c)
    {
        Generator.LoadStateDict(c.Section(Checkpoint.GeneratorPrefix));
        Discriminator.LoadStateDict(c.Section(Checkpoint.DiscriminatorPrefix));
        GenOptimizer.LoadStateDict(c.Section(Checkpoint.GenOptimizerPrefix));
        DiscOptimizer.LoadStateDict(c.Section(Checkpoint.DiscOptimizerPrefix));
        (GenOptimizer.LearningRate, DiscOptimizer.LearningRate) = (lrG, lrD);
        if (Ema is not null)
        {
            if (!c.Has(Checkpoint.EmaPrefix)) throw new InvalidDataException("the checkpoint has no generator EMA but the config asks for one (ema > 0)");
            Ema.LoadStateDict(c.Section(Checkpoint.EmaPrefix));
        }
        batches.Latents.SetState(c.LatentRngState);
        regulariserRng.SetState(c.RegulariserRngState);
        if (c.SamplerState is { } sampler) batches.Sampler = new BatchSampler(sampler);
        using var noGrad = torch.NoGrad();
        gridLatents.Copy_(c.GridLatents);
    }

    public void Dispose()
    {
        batches.Dispose();
        regulariserRng.Dispose();
        gridLatents.Dispose();
        DiscOptimizer.Dispose();
        GenOptimizer.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
        Ema?.Dispose();
    }
}
