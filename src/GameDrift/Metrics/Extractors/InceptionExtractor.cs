using GameDrift.Torch;

namespace GameDrift.Metrics.Extractors;

/// <summary>
/// The field's standard extractor: the TorchScript Inception-v3 <c>inception-2015-12-05.pt</c> (a direct port of the
/// 2015 TensorFlow graph that the original FID and IS used), giving 2048-d pool features and 1008-way probabilities.
/// </summary>
/// <remarks>
/// <para>The file's interface: <c>forward(img, return_features: bool=False, use_fp16: bool=False,
/// no_output_bias: bool=False)</c>; <c>img</c> is N x 3 x H x W with values in [0, 255], resized inside to 299 x 299
/// (affine grid, bilinear, border) and normalised by (x − 128)/128. Features are asked for with
/// <c>return_features=True</c>; probabilities with <c>no_output_bias=True</c>, as StyleGAN2-ADA's IS does to match
/// the original TF code.</para>
/// <para>Preprocessing (StyleGAN2-ADA <c>metric_utils</c>; clean-fid's <c>legacy_tensorflow</c> mode, which also lets the
/// network resize): an image x in [−1, 1] becomes uint8 by truncating <c>x·127.5 + 128</c> clamped to [0, 255]
/// (round to nearest), grayscale is repeated to 3 channels, and the uint8 values are passed as float32.
/// Not clean-fid's default "clean" mode, which resizes with PIL bicubic before the network.</para>
/// </remarks>
public sealed class InceptionExtractor : IFeatureExtractor
{
    private readonly ScriptModule module;

    private InceptionExtractor(ScriptModule module, string path, Device device, string name)
    {
        this.module = module;
        Path = path;
        Device = device;
        Name = name;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        // The dimensions are read from the network, not assumed, so a file of the same interface with other sizes works.
        var probe = torch.Zeros(new long[] { 1, 3, 32, 32 }, ScalarType.Float32, device);
        FeatureDimension = (int)Call(probe, "return_features").Shape[1];
        ClassCount = (int)Call(probe, "no_output_bias").Shape[1];
    }

    /// <summary>Loads the network from <see cref="InceptionLocator.Resolve"/>(<paramref name="explicitPath"/>).</summary>
    public static InceptionExtractor Load(string? explicitPath = null, Device? device = null, string name = "inception")
    {
        var path = InceptionLocator.Resolve(explicitPath);
        var d = device ?? Device.CPU;
        ScriptModule m;
        try { m = torch.jit.Load(path, d); }
        catch (TorchException e) { throw new InvalidDataException($"{path}: not a loadable TorchScript file ({e.Message})", e); }
        try
        {
            m.Eval();
            return new InceptionExtractor(m, path, d, name);
        }
        catch (TorchException e)
        {
            m.Dispose();
            throw new InvalidDataException($"{path}: does not have the interface of {InceptionLocator.FileName} " +
                $"(forward(img, return_features: bool, use_fp16: bool, no_output_bias: bool)): {e.Message}", e);
        }
    }

    public string Name { get; }
    public string Path { get; }
    public int FeatureDimension { get; }
    public int ClassCount { get; }
    public Device Device { get; }

    public (Tensor? Features, Tensor? Probabilities) Forward(Tensor images, bool features, bool probabilities)
    {
        var x = Preprocess(images, Device);
        return (features ? Call(x, "return_features").To(Device.CPU, ScalarType.Float32) : null,
                probabilities ? Call(x, "no_output_bias").To(Device.CPU, ScalarType.Float32) : null);
    }

    /// <summary>[−1, 1] float NCHW (1 or 3 channels) to the network's input: uint8-quantised values as float32 in
    /// [0, 255], 3 channels, on <paramref name="device"/>.</summary>
    public static Tensor Preprocess(Tensor images, Device device)
    {
        if (images.Dim != 4 || images.Shape[1] is not (1 or 3))
            throw new ArgumentException($"images must be N x C x H x W with 1 or 3 channels; got shape [{string.Join(", ", images.Shape)}]");
        var u8 = (images.To(device, ScalarType.Float32) * 127.5 + 128).Clamp(0, 255).To(ScalarType.Byte);
        if (u8.Shape[1] == 1) u8 = u8.Repeat(1, 3, 1, 1);
        return u8.To(ScalarType.Float32);
    }

    private Tensor Call(Tensor x, string flag)
    {
        var outs = module.Forward(x, new Dictionary<string, object?> { [flag] = true });
        if (outs.Length != 1 || outs[0].Dim != 2 || outs[0].Shape[0] != x.Shape[0])
            throw new InvalidDataException($"{Path}: forward(img, {flag}=True) returned {outs.Length} tensor(s)" +
                (outs.Length > 0 ? $" of shape [{string.Join(", ", outs[0].Shape)}]" : "") + $"; expected one N x D matrix");
        return outs[0];
    }

    public void Dispose() => module.Dispose();
}
