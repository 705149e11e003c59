using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch.nn;

public enum Reduction { None = 0, Mean = 1, Sum = 2 }
public enum InterpolationMode { Nearest = 0, Bilinear = 1, Bicubic = 2 }
public enum PaddingMode { Constant = 0, Reflect = 1, Replicate = 2, Circular = 3 }

/// <summary>torch.nn.functional: stateless layers and losses. All are differentiable to any order.</summary>
public static class functional
{
    private static long[] Pair(long[]? v, long dflt) => v is null ? new[] { dflt, dflt } : v.Length == 1 ? new[] { v[0], v[0] } : v.Length == 2 ? v : throw new ArgumentException("expected one or two values");

    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null) =>
        input.R(gd_linear(input.Handle, weight.Handle, Tensor.H(bias)), weight, bias);

    public static unsafe Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? stride = null, long[]? padding = null,
        long[]? dilation = null, long groups = 1)
    {
        var s = Pair(stride, 1); var p = Pair(padding, 0); var d = Pair(dilation, 1);
        fixed (long* ps = s) fixed (long* pp = p) fixed (long* pd = d)
            return input.R(gd_conv2d(input.Handle, weight.Handle, Tensor.H(bias), ps, pp, pd, groups), weight, bias);
    }

    public static unsafe Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? stride = null, long[]? padding = null,
        long[]? outputPadding = null, long groups = 1, long[]? dilation = null)
    {
        var s = Pair(stride, 1); var p = Pair(padding, 0); var o = Pair(outputPadding, 0); var d = Pair(dilation, 1);
        fixed (long* ps = s) fixed (long* pp = p) fixed (long* po = o) fixed (long* pd = d)
            return input.R(gd_conv_transpose2d(input.Handle, weight.Handle, Tensor.H(bias), ps, pp, po, groups, pd), weight, bias);
    }

    public static Tensor Conv1d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1) =>
        input.R(gd_conv1d(input.Handle, weight.Handle, Tensor.H(bias), stride, padding, dilation, groups), weight, bias);

    /// <summary>Batch normalisation; in training mode the running statistics (when given) are updated in place.</summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, double momentum = 0.1, double eps = 1e-5)
    {
        var r = input.R(gd_batch_norm(input.Handle, Tensor.H(weight), Tensor.H(bias), Tensor.H(runningMean), Tensor.H(runningVar),
            training ? 1 : 0, momentum, eps), weight, bias);
        GC.KeepAlive(runningMean); GC.KeepAlive(runningVar);
        return r;
    }

    public static unsafe Tensor LayerNorm(Tensor input, long[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        fixed (long* s = normalizedShape) return input.R(gd_layer_norm(input.Handle, s, normalizedShape.Length, Tensor.H(weight), Tensor.H(bias), eps), weight, bias);
    }

    public static Tensor GroupNorm(Tensor input, long numGroups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
        input.R(gd_group_norm(input.Handle, numGroups, Tensor.H(weight), Tensor.H(bias), eps), weight, bias);

    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true)
    {
        if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability must be in [0, 1], got {p}");
        return input.R(gd_dropout(input.Handle, p, training ? 1 : 0));
    }

    public static Tensor Embedding(Tensor indices, Tensor weight) => weight.R(gd_embedding(weight.Handle, indices.Handle), indices);

    public static unsafe Tensor MaxPool2d(Tensor input, long[] kernelSize, long[]? stride = null, long[]? padding = null)
    {
        var k = Pair(kernelSize, 1); var s = stride is null ? k : Pair(stride, 1); var p = Pair(padding, 0);
        fixed (long* pk = k) fixed (long* ps = s) fixed (long* pp = p) return input.R(gd_max_pool2d(input.Handle, pk, ps, pp));
    }

    public static unsafe Tensor AvgPool2d(Tensor input, long[] kernelSize, long[]? stride = null, long[]? padding = null)
    {
        var k = Pair(kernelSize, 1); var s = stride is null ? k : Pair(stride, 1); var p = Pair(padding, 0);
        fixed (long* pk = k) fixed (long* ps = s) fixed (long* pp = p) return input.R(gd_avg_pool2d(input.Handle, pk, ps, pp));
    }

    public static Tensor AdaptiveAvgPool2d(Tensor input, long height, long width) => input.R(gd_adaptive_avg_pool2d(input.Handle, height, width));

    /// <summary>Resizes NCHW images to (height, width) (F.interpolate / upsample).</summary>
    public static Tensor Interpolate(Tensor input, long height, long width, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false) =>
        input.R(gd_interpolate(input.Handle, height, width, (int)mode, alignCorners ? 1 : 0));

    /// <summary>Resizes by a scale factor (F.interpolate with scale_factor).</summary>
    public static Tensor Interpolate(Tensor input, double scaleFactor, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false)
    {
        var s = input.Shape;
        if (s.Length != 4) throw new ArgumentException($"interpolate expects an NCHW tensor, got {s.Length} dimensions");
        return Interpolate(input, (long)Math.Floor(s[2] * scaleFactor), (long)Math.Floor(s[3] * scaleFactor), mode, alignCorners);
    }

    public static unsafe Tensor Pad(Tensor input, long[] pads, PaddingMode mode = PaddingMode.Constant, double value = 0)
    {
        fixed (long* p = pads) return input.R(gd_pad(input.Handle, p, pads.Length, (int)mode, value));
    }

    // ---- activations ----
    public static Tensor Relu(Tensor x) => x.Relu();
    public static Tensor LeakyRelu(Tensor x, double negativeSlope = 0.01) => x.LeakyRelu(negativeSlope);
    public static Tensor Softplus(Tensor x, double beta = 1, double threshold = 20) => x.Softplus(beta, threshold);
    public static Tensor LogSigmoid(Tensor x) => x.LogSigmoid();
    public static Tensor Sigmoid(Tensor x) => x.Sigmoid();
    public static Tensor Tanh(Tensor x) => x.Tanh();
    public static Tensor Elu(Tensor x) => x.Elu();
    public static Tensor Gelu(Tensor x) => x.Gelu();
    public static Tensor Silu(Tensor x) => x.Silu();
    public static Tensor Hardtanh(Tensor x, double min = -1, double max = 1) => x.R(gd_hardtanh(x.Handle, min, max));
    public static Tensor Softmax(Tensor x, long dim) => x.Softmax(dim);
    public static Tensor LogSoftmax(Tensor x, long dim) => x.LogSoftmax(dim);

    // ---- losses ----
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean) =>
        input.R(gd_bce_with_logits(input.Handle, target.Handle, Tensor.H(weight), (int)reduction), target, weight);
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        input.R(gd_bce(input.Handle, target.Handle, (int)reduction), target);
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        input.R(gd_mse_loss(input.Handle, target.Handle, (int)reduction), target);
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        input.R(gd_l1_loss(input.Handle, target.Handle, (int)reduction), target);
    public static Tensor CrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double labelSmoothing = 0) =>
        input.R(gd_cross_entropy(input.Handle, target.Handle, (int)reduction, labelSmoothing), target);
    public static Tensor NllLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        input.R(gd_nll_loss(input.Handle, target.Handle, (int)reduction), target);
}
