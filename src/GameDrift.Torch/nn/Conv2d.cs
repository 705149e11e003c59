namespace GameDrift.Torch.nn;

/// <summary>2-d convolution over NCHW input (torch.nn.Conv2d); weight (out, in/groups, kh, kw).</summary>
public sealed class Conv2d : WeightedModule
{
    private readonly long[] stride, padding, dilation;

    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
        long dilation = 1, long groups = 1, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (dilation, dilation), groups, bias, generator) { }

    public Conv2d(long inChannels, long outChannels, (long H, long W) kernelSize, (long H, long W)? stride = null,
        (long H, long W)? padding = null, (long H, long W)? dilation = null, long groups = 1, bool bias = true, Generator? generator = null)
        : base(new[] { outChannels, ConvShape.CheckGroups(inChannels, outChannels, groups) / groups, kernelSize.H, kernelSize.W },
            bias ? outChannels : 0, generator)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Groups = groups;
        this.stride = ConvShape.Pair(stride ?? (1, 1));
        this.padding = ConvShape.Pair(padding ?? (0, 0));
        this.dilation = ConvShape.Pair(dilation ?? (1, 1));
    }

    public long InChannels { get; }
    public long OutChannels { get; }
    public (long H, long W) KernelSize { get; }
    public (long H, long W) Stride => (stride[0], stride[1]);
    public (long H, long W) Padding => (padding[0], padding[1]);
    public (long H, long W) Dilation => (dilation[0], dilation[1]);
    public long Groups { get; }

    public override Tensor Forward(Tensor input, Tensor weight) =>
        functional.Conv2d(input, weight, Bias, stride, padding, dilation, Groups);

    protected override string ExtraRepr() =>
        $"{InChannels}, {OutChannels}, kernel_size={KernelSize}, stride={Stride}, padding={Padding}, dilation={Dilation}, groups={Groups}, bias={Bias is not null}";
}
