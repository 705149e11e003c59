namespace GameDrift.Torch.nn;

/// <summary>Batch normalisation of NCHW input (torch.nn.BatchNorm2d).</summary>
public sealed class BatchNorm2d : BatchNorm
{
    public BatchNorm2d(long numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true)
        : base(numFeatures, eps, momentum, affine, trackRunningStats) { }

    protected override void CheckInput(Tensor input)
    {
        var d = input.Dim;
        if (d != 4) throw new ArgumentException($"BatchNorm2d expects 4D input, got {d}D input");
    }
}
