using GameDrift.Games;
using System.Diagnostics;
using System.Globalization;
using GameDrift.Data;
using GameDrift.Games.ImageGans;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Training;

namespace GameDrift.Cli.SelfTest;

/// <summary>The engine on one device, checked against closed forms and (optionally) against the CPU: tensor ops,
/// double backprop, spectral norm, and one SN-GAN step of each scheme the paper's CIFAR-10 runs use (alternating, and
/// simultaneous cancelling the interaction terms) on random CIFAR-shaped data. Writes <c>name: value</c> lines; a
/// failed check is a line <c>NAME.ok: false</c>, and <see cref="Passed"/> is false.</summary>
public sealed class EngineSelfTest(TextWriter output, Device device)
{
    /// <summary>Relative agreement asked of the first step's losses on the device and on the CPU, with TF32 off
    /// (float32 rounding through a dozen layers and a mean over the batch).</summary>
    public const double CompareTolerance = 1e-4;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public bool Passed { get; private set; } = true;

    /// <summary>Untimed steps before the timed ones (cuDNN picks its kernels, the caching allocator fills).</summary>
    public int WarmupSteps { get; init; } = 3;

    /// <summary>The SN-GAN step variants: name and config overrides (B=64, SGD lr_D 0.01, lr_G 0.005, saturating loss,
    /// as bench/python/sngan_step.py).</summary>
    public static readonly (string Name, string[] Overrides)[] Variants =
    [
        ("sngan_alternating", ["scheme=alternating", "regularisers="]),
        ("sngan_simultaneous_cancel", ["scheme=simultaneous", "regularisers=cancel-interaction:same-batch"]),
    ];

    public void Run(bool compareCpu, int timeSteps)
    {
        Line("device", device.ToString());
        Line("libtorch", torch.Version);
        Line("cuda_devices", torch.cuda.IsAvailable() ? torch.cuda.DeviceCount() : 0);
        TensorOps();
        DoubleBackprop();
        SpectralNormSigma();
        BuiltInGames.Register();
        foreach (var (name, overrides) in Variants)
        {
            var onDevice = FirstStep(name, overrides, device, deterministic: compareCpu);
            if (compareCpu) Compare(name, onDevice, FirstStep(name + "_cpu", overrides, Device.CPU, deterministic: true));
        }
        if (timeSteps > 0)
            foreach (var (name, overrides) in Variants) Time(name, overrides, timeSteps);
        Line("selftest", Passed ? "pass" : "fail");
    }

    /// <summary>A product and a sum on the device against the same in float64 on the CPU and a closed form.</summary>
    private void TensorOps()
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(1);
        var a = torch.Randn([64, 32], g, ScalarType.Float64);
        var b = torch.Randn([32, 16], g, ScalarType.Float64);
        var cpu = a.Matmul(b);
        var dev = a.To(device).Matmul(b.To(device)).Relu().Cpu();
        Check("ops.matmul_relu_max_abs_diff", (dev - cpu.Relu()).Abs().Max().ToDouble(), 1e-12);
        // 1 + 2 + ... + n = n (n + 1) / 2, exactly in float64.
        const long n = 1 << 20;
        Check("ops.arange_sum_error", Math.Abs(torch.Arange(1, n + 1, 1, ScalarType.Float64, device).Sum().ToDouble() - n * (n + 1.0) / 2), 0);
    }

    /// <summary>f(x) = sum x^3: g = 3x^2, and the gradient of |g|^2 / 2 (the self-drift term's shape) is 18 x^3.</summary>
    private void DoubleBackprop()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.Tensor([-1.5, -0.5, 0.25, 1.0, 2.0], [5], device, requiresGrad: true);
        var g = Autograd.Grad(x.Pow(3).Sum(), [x], createGraph: true)[0]!;
        var h = Autograd.Grad((g * g).Sum() / 2, [x])[0]!;
        var expected = x.Detach().Pow(3) * 18;
        Check("double_backprop.max_rel_err", ((h - expected).Abs() / expected.Abs()).Max().ToDouble(), 1e-12);
    }

    /// <summary>W = diag(3, 2, 1): power iteration finds sigma = 3, and W / sigma has largest singular value 1.</summary>
    private void SpectralNormSigma()
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(2);
        using var layer = SpectralNorm.Apply(new Linear(3, 3, bias: false, generator: g), nPowerIterations: 50, generator: g);
        using (torch.NoGrad()) layer.Weight.Copy_(torch.Tensor(new float[,] { { 3, 0, 0 }, { 0, 2, 0 }, { 0, 0, 1 } }));
        layer.To(device);
        layer.Train();
        layer.Forward(torch.Ones([1, 3], ScalarType.Float32, device));
        var sn = (SpectralNorm)layer.Reparametrization!;
        Check("spectral_norm.sigma_rel_err", Math.Abs(sn.Sigma(layer).ToDouble() - 3) / 3, 1e-5);
        var top = torch.linalg.Svd(layer.ComputeWeight().Detach().Double()).S.Max().ToDouble();
        Check("spectral_norm.normalised_top_singular_value_err", Math.Abs(top - 1), 1e-5);
    }

    /// <summary>The SN-GAN config of the variant on <paramref name="on"/>, fed random CIFAR-shaped images.</summary>
    public static TrainingSession Session(string[] overrides, Device on)
    {
        var config = new RunConfig
        {
            Game = "cifar10-sngan", Data = "cifar10", Loss = "saturating", Optimizer = "sgd", LrD = 0.01, LrG = 0.005,
            BatchSize = 64, LatentDim = 128, Steps = 1_000_000, Seed = 0, LogEvery = 0, SampleEvery = 0, CheckpointEvery = 0,
            GridSize = 4, Device = on.ToString(),
        };
        ConfigLoader.ApplyOverrides(config, overrides);
        return new TrainingSession(config, RandomCifar());
    }

    private static ImageDataset RandomCifar()
    {
        const int count = 256;
        var pixels = new byte[count * 3 * 32 * 32];
        new Random(0).NextBytes(pixels);
        return new ImageDataset(pixels, new int[count], 3, 32, 32);
    }

    private (double Phi, double Theta) FirstStep(string name, string[] overrides, Device on, bool deterministic)
    {
        var tf32 = on.IsCuda && torch.cuda.AllowTF32Convolutions;
        if (on.IsCuda && deterministic) torch.cuda.SetAllowTF32(false, false);
        try
        {
            using var session = Session(overrides, on);
            torch.ManualSeed(1);
            using var d = session.Scheme.Step();
            var (phi, theta) = (d.D.Loss, d.G.Loss);
            Check($"{name}.loss_d", phi, double.IsFinite(phi));
            Check($"{name}.loss_g", theta, double.IsFinite(theta));
            Flag($"{name}.parameters_finite", session.ParametersFinite());
            return (phi, theta);
        }
        finally { if (on.IsCuda && deterministic) torch.cuda.SetAllowTF32(tf32, false); }
    }

    private void Compare(string name, (double Phi, double Theta) device, (double Phi, double Theta) cpu)
    {
        static double Rel(double a, double b) => Math.Abs(a - b) / Math.Max(Math.Abs(b), 1e-12);
        Check($"{name}.loss_d_rel_diff_vs_cpu", Rel(device.Phi, cpu.Phi), CompareTolerance);
        Check($"{name}.loss_g_rel_diff_vs_cpu", Rel(device.Theta, cpu.Theta), CompareTolerance);
    }

    /// <summary>Mean wall time of <paramref name="steps"/> steps after <see cref="WarmupSteps"/> warm-up steps, the device synchronised
    /// before and after (no values are read in between, as in a run's unlogged steps).</summary>
    private void Time(string name, string[] overrides, int steps)
    {
        using var session = Session(overrides, device);
        long n = 0;
        void Step()
        {
            torch.ManualSeed((ulong)++n);
            using var d = session.Scheme.Step();
        }
        for (var i = 0; i < WarmupSteps; i++) Step();
        Synchronize();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) Step();
        Synchronize();
        Line($"{name}.step_ms", (clock.Elapsed.TotalMilliseconds / steps).ToString("F3", Inv));
        Line($"{name}.timed_steps", steps);
        Flag($"{name}.parameters_finite_after_timing", session.ParametersFinite());
    }

    private void Synchronize()
    {
        if (device.IsCuda) torch.cuda.Synchronize(Math.Max(device.Index, 0));
    }

    private void Check(string name, double value, double tolerance) => Check(name, value, value <= tolerance);

    // A yes/no check printed as 1 or 0.
    private void Flag(string name, bool ok) => Check(name, ok ? 1 : 0, ok);

    private void Check(string name, double value, bool ok)
    {
        Line(name, value.ToString("G9", Inv));
        if (ok) return;
        Passed = false;
        Line($"{name}.ok", "false");
    }

    private void Line(string name, object value) => output.WriteLine($"{name}: {Convert.ToString(value, Inv)}");
}
