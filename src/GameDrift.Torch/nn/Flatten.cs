namespace GameDrift.Torch.nn;

/// <summary>Flattens dimensions startDim..endDim into one (torch.nn.Flatten; by default all but the batch).</summary>
public sealed class Flatten : Module
{
    public Flatten(long startDim = 1, long endDim = -1) => (StartDim, EndDim) = (startDim, endDim);
    public long StartDim { get; }
    public long EndDim { get; }
    public override Tensor Forward(Tensor input) => input.Flatten(StartDim, EndDim);
    protected override string ExtraRepr() => $"start_dim={StartDim}, end_dim={EndDim}";
}
