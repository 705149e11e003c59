namespace GameDrift.Torch.nn;

/// <summary>Batch normalisation of (N, C) or (N, C, L) input (torch.nn.BatchNorm1d).</summary>
public sealed class BatchNorm1d : BatchNorm
{
    public BatchNorm1d(long numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true)
        : base(numFeatures, eps, momentum, affine, trackRunningStats) { }

    protected override void CheckInput(Tensor input)
    {
        var d = input.Dim;
        if (d != 2 && d != 3) throw new ArgumentException($"BatchNorm1d expects 2D or 3D input, got {d}D input");
    }
}
