namespace GameDrift.Torch.nn;

/// <summary>Batch normalisation over the channel dimension (dim 1), the common part of
/// <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/>. Training mode normalises with the batch
/// statistics and updates running_mean/running_var (unbiased variance) with
/// r ← (1 − momentum)·r + momentum·batch; evaluation mode normalises with the running statistics.
/// A null momentum gives the cumulative average (factor 1/num_batches_tracked), as in PyTorch.</summary>
public abstract class BatchNorm : Module
{
    protected BatchNorm(long numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats)
    {
        if (numFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(numFeatures), $"numFeatures must be positive, got {numFeatures}");
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = RegisterParameter("weight", torch.Ones(numFeatures));
            Bias = RegisterParameter("bias", torch.Zeros(numFeatures));
        }
        if (trackRunningStats)
        {
            RunningMean = RegisterBuffer("running_mean", torch.Zeros(numFeatures));
            RunningVar = RegisterBuffer("running_var", torch.Ones(numFeatures));
            NumBatchesTracked = RegisterBuffer("num_batches_tracked", torch.Zeros(Array.Empty<long>(), ScalarType.Int64));
        }
    }

    public long NumFeatures { get; }
    public double Eps { get; set; }
    public double? Momentum { get; set; }
    public Tensor? Weight { get; }
    public Tensor? Bias { get; }
    public Tensor? RunningMean { get; }
    public Tensor? RunningVar { get; }
    public Tensor? NumBatchesTracked { get; }
    public bool Affine => Weight is not null;
    public bool TrackRunningStats => RunningMean is not null;

    /// <summary>Throws unless the input has the dimensions this layer expects.</summary>
    protected abstract void CheckInput(Tensor input);

    public override Tensor Forward(Tensor input)
    {
        CheckInput(input);
        var factor = Momentum ?? 0.0;
        if (IsTraining && NumBatchesTracked is not null)
        {
            using (torch.NoGrad())
            using (var next = NumBatchesTracked + 1L)
                NumBatchesTracked.Copy_(next);
            factor = Momentum ?? 1.0 / NumBatchesTracked.ToDouble();
        }
        // Without running statistics, evaluation mode has nothing else to use than the batch.
        var useBatchStats = IsTraining || RunningMean is null;
        return functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, useBatchStats, factor, Eps);
    }

    protected override string ExtraRepr() =>
        $"{NumFeatures}, eps={Format(Eps)}, momentum={(Momentum is { } m ? Format(m) : "None")}, affine={Affine}, track_running_stats={TrackRunningStats}";
}
