using GameDrift.Schemes;

namespace GameDrift.Training;

/// <summary>Everything that describes a training run. Keys are the snake_case names in YAML files and in
/// <c>--set key=value</c> overrides; <see cref="ConfigLoader"/> maps them onto these properties.</summary>
public sealed class RunConfig
{
    /// <summary>Architecture bundle: fmnist-dcgan, cifar10-sngan, cifar10-dcgan, or a name a user registers.</summary>
    [ConfigKey("game")] public string Game { get; set; } = "fmnist-dcgan";
    /// <summary>The user's own networks: a .csproj (built on demand, cached by content) or a built .dll whose
    /// <see cref="Networks.IGameRegistration"/> classes register games; a relative path is relative to the config file.</summary>
    [ConfigKey("networks")] public string Networks { get; set; } = "";
    /// <summary>A generator written in PyTorch and saved as TorchScript (.pt): it replaces the game's generator. It maps
    /// latents (N, latent_dim) to images of the data's shape; a relative path is relative to the config file.</summary>
    [ConfigKey("generator_script")] public string GeneratorScript { get; set; } = "";
    /// <summary>A discriminator saved as TorchScript (.pt): it replaces the game's discriminator. It maps images
    /// (N, C, H, W) to one logit each, (N, 1) or (N); a relative path is relative to the config file.</summary>
    [ConfigKey("discriminator_script")] public string DiscriminatorScript { get; set; } = "";
    /// <summary>Data set: fashion-mnist, mnist, cifar10 or folder.</summary>
    [ConfigKey("data")] public string Data { get; set; } = "fashion-mnist";
    /// <summary>Data directory; empty means the data set's default.</summary>
    [ConfigKey("data_dir")] public string DataDir { get; set; } = "";
    /// <summary>How <c>data: folder</c> resizes images to the game's size: nearest, bilinear or bicubic.</summary>
    [ConfigKey("interpolation")] public string Interpolation { get; set; } = "bilinear";
    /// <summary>GAN loss: saturating (the zero-sum game), non-saturating, hinge, wasserstein.</summary>
    [ConfigKey("loss")] public string Loss { get; set; } = "saturating";
    /// <summary>Update scheme: simultaneous, alternating or rk4.</summary>
    [ConfigKey("scheme")] public string Scheme { get; set; } = "simultaneous";
    /// <summary>Alternating order: the discriminator (phi) moves first when true.</summary>
    [ConfigKey("disc_first")] public bool DiscFirst { get; set; } = true;
    [ConfigKey("disc_steps")] public int DiscSteps { get; set; } = 1;
    [ConfigKey("gen_steps")] public int GenSteps { get; set; } = 1;
    /// <summary>Optimiser of both players: sgd, adam, rmsprop, or dal (SGD with DAL-p learning rates, spec §9.3).</summary>
    [ConfigKey("optimizer")] public string Optimizer { get; set; } = "sgd";
    /// <summary>The discriminator's optimiser when it differs from <c>optimizer</c> (empty: <c>optimizer</c>).</summary>
    [ConfigKey("optimizer_d")] public string OptimizerD { get; set; } = "";
    /// <summary>The generator's optimiser when it differs from <c>optimizer</c> (empty: <c>optimizer</c>).</summary>
    [ConfigKey("optimizer_g")] public string OptimizerG { get; set; } = "";
    /// <summary>DAL-p power p: lr = min(2/v^p, dal_max_lr_scale) with v = ‖Hg‖/‖g‖ (0: the fixed lr_d / lr_g).</summary>
    [ConfigKey("dal_p")] public double DalP { get; set; } = 1;
    /// <summary>The largest learning rate DAL may take (the official code's max_lr_scale).</summary>
    [ConfigKey("dal_max_lr_scale")] public double DalMaxLrScale { get; set; } = 5;
    /// <summary>How DAL gets H g: exact (double backprop) or finite-difference (ε = 0.01/‖g‖, one more gradient).</summary>
    [ConfigKey("dal_hvp")] public string DalHvp { get; set; } = "exact";
    /// <summary>Steps between sharpness measurements (top own-loss Hessian eigenvalue per player; 0: never). A measured
    /// step always gets a metrics row.</summary>
    [ConfigKey("sharpness_every")] public int SharpnessEvery { get; set; }
    /// <summary>Lanczos iterations (Hessian-vector products) per player per sharpness measurement, at most.</summary>
    [ConfigKey("sharpness_iters")] public int SharpnessIters { get; set; } = 20;
    /// <summary>Lanczos stops early when the top eigenvalue estimate moves by less than this, relatively.</summary>
    [ConfigKey("sharpness_tol")] public double SharpnessTol { get; set; } = 1e-3;
    /// <summary>Discriminator learning rate (alpha*h in the spec).</summary>
    [ConfigKey("lr_d")] public double LrD { get; set; } = 0.01;
    /// <summary>Generator learning rate (lambda*h in the spec).</summary>
    [ConfigKey("lr_g")] public double LrG { get; set; } = 0.005;
    [ConfigKey("momentum")] public double Momentum { get; set; }
    [ConfigKey("beta1")] public double Beta1 { get; set; } = 0.5;
    [ConfigKey("beta2")] public double Beta2 { get; set; } = 0.999;
    /// <summary>Comma-separated regulariser list, e.g. "cancel-interaction" or "cancel-interaction,r1=0.3"; "none" or empty for none.</summary>
    [ConfigKey("regularisers")] public string Regularisers { get; set; } = "";
    [ConfigKey("batch_size")] public int BatchSize { get; set; } = 64;
    [ConfigKey("latent_dim")] public int LatentDim { get; set; } = 128;
    [ConfigKey("steps")] public int Steps { get; set; } = 1000;
    [ConfigKey("seed")] public long Seed { get; set; }
    /// <summary>cpu, cuda or cuda:N.</summary>
    [ConfigKey("device")] public string Device { get; set; } = "cpu";
    /// <summary>Steps between metric rows in metrics.csv.</summary>
    [ConfigKey("log_every")] public int LogEvery { get; set; } = 10;
    /// <summary>Steps between measurements of the drift-term norms (self_drift_*, interaction_drift_* columns; 0: never,
    /// blank unless a regulariser computes them anyway). A measured step costs about five plain steps (four double-backward terms);
    /// a measured step always gets a metrics row.</summary>
    [ConfigKey("diagnostics_every")] public int DiagnosticsEvery { get; set; }
    /// <summary>Steps between sample grids (0: only at the end).</summary>
    [ConfigKey("sample_every")] public int SampleEvery { get; set; } = 500;
    /// <summary>Steps between checkpoints (0: only at the end).</summary>
    [ConfigKey("checkpoint_every")] public int CheckpointEvery { get; set; } = 500;
    /// <summary>Steps between image-metric evaluations (0: never).</summary>
    [ConfigKey("eval_every")] public int EvalEvery { get; set; }
    /// <summary>Image metrics to evaluate, comma-separated (e.g. "fid,is").</summary>
    [ConfigKey("metrics")] public string Metrics { get; set; } = "";
    /// <summary>Number of generated samples per evaluation.</summary>
    [ConfigKey("eval_samples")] public int EvalSamples { get; set; } = 5000;
    /// <summary>Metric that selects the best checkpoint (e.g. "fid" lower is better, "is" higher is better).</summary>
    [ConfigKey("best_metric")] public string BestMetric { get; set; } = "";
    /// <summary>Feature extractor of the image metrics: classifier (trained on the run's data set, cached; offline) or
    /// inception (the standard inception-2015-12-05.pt TorchScript file). Metric columns name it: fid_inception,
    /// fid_fashion-mnist-classifier.</summary>
    [ConfigKey("extractor")] public string Extractor { get; set; } = "classifier";
    /// <summary>Path of inception-2015-12-05.pt; empty: $GAMEDRIFT_INCEPTION, then ~/.cache/gamedrift/.</summary>
    [ConfigKey("inception")] public string Inception { get; set; } = "";
    /// <summary>Decay of the generator's exponential moving average (0 disables it).</summary>
    [ConfigKey("ema")] public double Ema { get; set; }
    /// <summary>Samples in the fixed-latent grid.</summary>
    [ConfigKey("grid_size")] public int GridSize { get; set; } = 64;
    /// <summary>Threads for libtorch (0: all cores).</summary>
    [ConfigKey("threads")] public int Threads { get; set; }
    /// <summary>Where a toy game starts (dirac-gan, toy-NAME): the players' values, phi then theta, comma-separated;
    /// empty: the game's own start.</summary>
    [ConfigKey("start")] public string Start { get; set; } = "";
    /// <summary>The ring of Gaussians (game ring-of-gaussians): its modes, on a circle of this radius, each with this std.</summary>
    [ConfigKey("ring_modes")] public int RingModes { get; set; } = 8;
    [ConfigKey("ring_radius")] public double RingRadius { get; set; } = 2;
    [ConfigKey("ring_std")] public double RingStd { get; set; } = 0.02;
    /// <summary>Hidden units per layer and hidden layers of both MLPs of the ring of Gaussians.</summary>
    [ConfigKey("mlp_hidden")] public int MlpHidden { get; set; } = 128;
    [ConfigKey("mlp_layers")] public int MlpLayers { get; set; } = 2;
    /// <summary>Scatter plots of the ring's samples over a run (evenly spaced, the first at step 0, the last at the end).</summary>
    [ConfigKey("snapshots")] public int Snapshots { get; set; } = 6;
    /// <summary>High-quality samples a mode of the ring needs to count as covered.</summary>
    [ConfigKey("min_samples_per_mode")] public int MinSamplesPerMode { get; set; } = 20;

    /// <summary>Ratio lr_d / lr_g (alpha/lambda). Setting it keeps lr_d and moves lr_g: a derived key for sweeps.</summary>
    [ConfigKey("lr_ratio", Derived = true)]
    public double LrRatio
    {
        get => LrD / LrG;
        set => LrG = value > 0 ? LrD / value : throw new ArgumentException($"lr_ratio must be positive, got {value}");
    }

    /// <summary>The optimiser of the discriminator (<paramref name="discriminator"/>) or the generator.</summary>
    public string OptimizerOf(bool discriminator) =>
        (discriminator ? OptimizerD : OptimizerG) is { Length: > 0 } o ? o : Optimizer;

    /// <summary>Checks values that are individually well-typed but out of range; names the key.</summary>
    public void Validate()
    {
        static void Positive(string key, double v)
        {
            if (!(v > 0)) throw new ArgumentException($"config key '{key}' must be positive, got {v}");
            if (double.IsInfinity(v)) throw new ArgumentException($"config key '{key}' must be finite, got {v}");
        }
        static void NonNegative(string key, double v) { if (v < 0) throw new ArgumentException($"config key '{key}' must not be negative, got {v}"); }
        static void OneOf(string key, string v, params string[] allowed)
        {
            if (!allowed.Contains(v)) throw new ArgumentException($"config key '{key}' is '{v}', expected one of: {string.Join(", ", allowed)}");
        }
        Positive("lr_d", LrD);
        Positive("lr_g", LrG);
        Positive("batch_size", BatchSize);
        Positive("latent_dim", LatentDim);
        if (LatentDim > 65536) throw new ArgumentException($"config key 'latent_dim' is {LatentDim}, more than 65536");
        Positive("disc_steps", DiscSteps);
        Positive("gen_steps", GenSteps);
        NonNegative("steps", Steps);
        NonNegative("momentum", Momentum);
        NonNegative("log_every", LogEvery);
        NonNegative("sample_every", SampleEvery);
        NonNegative("diagnostics_every", DiagnosticsEvery);
        NonNegative("checkpoint_every", CheckpointEvery);
        NonNegative("eval_every", EvalEvery);
        NonNegative("threads", Threads);
        Positive("ring_modes", RingModes);
        Positive("ring_radius", RingRadius);
        Positive("ring_std", RingStd);
        Positive("mlp_hidden", MlpHidden);
        Positive("mlp_layers", MlpLayers);
        Positive("snapshots", Snapshots);
        NonNegative("min_samples_per_mode", MinSamplesPerMode);
        if (Ema < 0 || Ema >= 1) throw new ArgumentException($"config key 'ema' must be in [0, 1), got {Ema}");
        OneOf("scheme", Scheme, [.. SchemeFactory.Names]);
        OneOf("optimizer", Optimizer, "sgd", "adam", "rmsprop", "dal");
        OneOf("optimizer_d", OptimizerD, "", "sgd", "adam", "rmsprop", "dal");
        OneOf("optimizer_g", OptimizerG, "", "sgd", "adam", "rmsprop", "dal");
        NonNegative("sharpness_every", SharpnessEvery);
        Positive("sharpness_iters", SharpnessIters);
        NonNegative("sharpness_tol", SharpnessTol);
        if (OptimizerOf(true) == "dal" || OptimizerOf(false) == "dal")
        {
            GameDrift.Torch.optim.DalRule.Validate(DalP, DalMaxLrScale);
            GameDrift.Torch.optim.DalRule.ParseHvp(DalHvp);
            if (Scheme == "rk4") throw new ArgumentException("optimizer 'dal' needs scheme simultaneous or alternating (RK4 takes four gradients per step)");
        }
        OneOf("loss", Loss, "saturating", "non-saturating", "hinge", "wasserstein");
        OneOf("data", Data, "fashion-mnist", "mnist", "cifar10", "folder");
        OneOf("interpolation", Interpolation, "nearest", "bilinear", "bicubic");
        OneOf("extractor", Extractor, "classifier", "inception");
        if (EvalEvery > 0 && !string.IsNullOrWhiteSpace(Metrics)) Positive("eval_samples", EvalSamples);
        if (Scheme != "alternating" && (DiscSteps != 1 || GenSteps != 1))
            throw new ArgumentException($"config keys 'disc_steps'/'gen_steps' other than 1 need scheme 'alternating' (scheme is '{Scheme}')");
        try { _ = GameDrift.Torch.Device.Parse(Device); }
        catch (ArgumentException e) { throw new ArgumentException($"config key 'device': {e.Message}"); }
    }
}
