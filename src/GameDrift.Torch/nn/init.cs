namespace GameDrift.Torch.nn;

/// <summary>Weight initialisers (torch.nn.init). Each fills its tensor in place without recording gradients,
/// draws from <paramref name="generator"/> when one is given (else the global generator), and returns the tensor.</summary>
public static class init
{
    /// <summary>The recommended gain for an activation: 1 for linear/conv/sigmoid, 5/3 for tanh, √2 for ReLU,
    /// √(2/(1+slope²)) for leaky ReLU (slope <paramref name="param"/>, default 0.01), 3/4 for SELU.</summary>
    public static double CalculateGain(Nonlinearity nonlinearity, double? param = null) => nonlinearity switch
    {
        Nonlinearity.Tanh => 5.0 / 3,
        Nonlinearity.ReLU => Math.Sqrt(2.0),
        Nonlinearity.LeakyReLU => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
        Nonlinearity.SELU => 3.0 / 4,
        _ => 1.0,
    };

    /// <summary>fan_in = size(1)·receptive field, fan_out = size(0)·receptive field, as PyTorch computes them
    /// (so a ConvTranspose weight (in, out/groups, k, k) has fan_in (out/groups)·k²).</summary>
    public static (long FanIn, long FanOut) CalculateFanInAndFanOut(Tensor tensor)
    {
        var s = tensor.Shape;
        if (s.Length < 2) throw new ArgumentException($"fan in and fan out need a tensor of 2 or more dimensions, got {s.Length}");
        var receptive = s.Skip(2).Aggregate(1L, (a, b) => a * b);
        return (s[1] * receptive, s[0] * receptive);
    }

    public static Tensor Uniform_(Tensor tensor, double a = 0, double b = 1, Generator? generator = null)
    {
        using var _ = torch.NoGrad();
        return tensor.Uniform_(a, b, generator);
    }

    public static Tensor Normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
    {
        using var _ = torch.NoGrad();
        return tensor.Normal_(mean, std, generator);
    }

    public static Tensor Constant_(Tensor tensor, double value)
    {
        using var _ = torch.NoGrad();
        return tensor.Fill_(value);
    }

    public static Tensor Zeros_(Tensor tensor) => Constant_(tensor, 0);
    public static Tensor Ones_(Tensor tensor) => Constant_(tensor, 1);

    /// <summary>U(−a, a) with a = gain·√(6/(fan_in + fan_out)) (Glorot and Bengio, 2010).</summary>
    public static Tensor XavierUniform_(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        var bound = Math.Sqrt(3.0) * XavierStd(tensor, gain);
        return Uniform_(tensor, -bound, bound, generator);
    }

    /// <summary>N(0, std²) with std = gain·√(2/(fan_in + fan_out)).</summary>
    public static Tensor XavierNormal_(Tensor tensor, double gain = 1, Generator? generator = null) =>
        Normal_(tensor, 0, XavierStd(tensor, gain), generator);

    private static double XavierStd(Tensor tensor, double gain)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        return gain * Math.Sqrt(2.0 / (fanIn + fanOut));
    }

    /// <summary>U(−b, b) with b = √3·gain/√fan (He et al., 2015); gain from <paramref name="nonlinearity"/> with
    /// negative slope <paramref name="a"/>. PyTorch's layers use a = √5, giving b = 1/√fan_in.</summary>
    public static Tensor KaimingUniform_(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyReLU, Generator? generator = null)
    {
        var bound = Math.Sqrt(3.0) * KaimingStd(tensor, a, mode, nonlinearity);
        return Uniform_(tensor, -bound, bound, generator);
    }

    /// <summary>N(0, std²) with std = gain/√fan.</summary>
    public static Tensor KaimingNormal_(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyReLU, Generator? generator = null) =>
        Normal_(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity), generator);

    private static double KaimingStd(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        var fan = mode == FanMode.FanIn ? fanIn : fanOut;
        if (fan == 0) return 0; // an empty tensor: nothing to fill
        return CalculateGain(nonlinearity, a) / Math.Sqrt(fan);
    }

    /// <summary>A (semi-)orthogonal matrix times <paramref name="gain"/> (Saxe et al., 2013), viewing the tensor as
    /// (size(0), rest): orthonormal rows when it is wide, orthonormal columns when tall. Drawn as the orthogonal
    /// polar factor U·Vh of a Gaussian matrix (Haar-distributed, like PyTorch's sign-corrected QR).</summary>
    public static Tensor Orthogonal_(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        if (tensor.Dim < 2) throw new ArgumentException($"orthogonal initialisation needs a tensor of 2 or more dimensions, got {tensor.Dim}");
        var rows = tensor.Size(0);
        var cols = tensor.NumberOfElements / Math.Max(rows, 1);
        if (rows == 0 || cols == 0) return tensor;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        // Float64 keeps the result orthogonal to the precision of the tensor's own type.
        var gauss = torch.Randn(new[] { rows, cols }, generator, ScalarType.Float64);
        var (u, _, vh) = torch.linalg.Svd(gauss);
        var q = u.Matmul(vh);
        if (gain != 1) q.Mul_(gain);
        tensor.Copy_(q.Reshape(tensor.Shape).To(tensor.Device));
        return tensor;
    }
}
