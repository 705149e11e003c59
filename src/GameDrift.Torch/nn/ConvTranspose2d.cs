namespace GameDrift.Torch.nn;

/// <summary>2-d transposed convolution (torch.nn.ConvTranspose2d); weight (in, out/groups, kh, kw), so its
/// fan-in for initialisation is (out/groups)·kh·kw, as in PyTorch.</summary>
public sealed class ConvTranspose2d : WeightedModule
{
    private readonly long[] stride, padding, outputPadding, dilation;

    public ConvTranspose2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
        long outputPadding = 0, long groups = 1, bool bias = true, long dilation = 1, Generator? generator = null)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (outputPadding, outputPadding),
            groups, bias, (dilation, dilation), generator) { }

    public ConvTranspose2d(long inChannels, long outChannels, (long H, long W) kernelSize, (long H, long W)? stride = null,
        (long H, long W)? padding = null, (long H, long W)? outputPadding = null, long groups = 1, bool bias = true,
        (long H, long W)? dilation = null, Generator? generator = null)
        : base(new[] { ConvShape.CheckGroups(inChannels, outChannels, groups), outChannels / groups, kernelSize.H, kernelSize.W },
            bias ? outChannels : 0, generator)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Groups = groups;
        this.stride = ConvShape.Pair(stride ?? (1, 1));
        this.padding = ConvShape.Pair(padding ?? (0, 0));
        this.outputPadding = ConvShape.Pair(outputPadding ?? (0, 0));
        this.dilation = ConvShape.Pair(dilation ?? (1, 1));
    }

    public long InChannels { get; }
    public long OutChannels { get; }
    public (long H, long W) KernelSize { get; }
    public (long H, long W) Stride => (stride[0], stride[1]);
    public (long H, long W) Padding => (padding[0], padding[1]);
    public (long H, long W) OutputPadding => (outputPadding[0], outputPadding[1]);
    public (long H, long W) Dilation => (dilation[0], dilation[1]);
    public long Groups { get; }

    public override Tensor Forward(Tensor input, Tensor weight) =>
        functional.ConvTranspose2d(input, weight, Bias, stride, padding, outputPadding, Groups, dilation);

    protected override string ExtraRepr() =>
        $"{InChannels}, {OutChannels}, kernel_size={KernelSize}, stride={Stride}, padding={Padding}, output_padding={OutputPadding}, groups={Groups}, bias={Bias is not null}";
}
