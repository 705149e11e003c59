using GameDrift.Torch;

namespace GameDrift.Diagnostics;

/// <summary>Per-player numbers of one step, taken where that player's gradient was taken. For player P with
/// other player O: <c>Loss = L_P</c>, <c>OwnGradNorm = ||grad_P L_P||</c>, <c>OtherGradNorm = ||grad_P L_O||</c>,
/// <c>SelfDriftNorm = ||1/2 grad_P ||grad_P L_P||^2||</c> and <c>InteractionDriftNorm = ||grad_P(grad_O L_P · sg grad_O L_O)||</c>
/// (spec §1.2, the raw terms before any learning-rate coefficient). NaN when not measured or not defined
/// (a field-only game has no losses).
/// <para>Measured values stay on the tensors' device until one of them is read: the first read copies all five to
/// the host at once, so a training loop that reads diagnostics on logged steps only waits for the device on those
/// steps alone. <see cref="Dispose"/> frees the device copy of values never read.</para></summary>
public sealed class PlayerDiagnostics : IDisposable
{
    private const int Count = 5;
    private double[]? values;
    // Not yet read: the measured values stacked in one float64 tensor, and which slot each of them fills (losses as
    // they are, norms as their squares, whose square root is taken on the host as before).
    private Tensor? pending;
    private int[]? slots;

    public PlayerDiagnostics(double loss, double ownGradNorm, double otherGradNorm, double selfDriftNorm, double interactionDriftNorm) =>
        values = [loss, ownGradNorm, otherGradNorm, selfDriftNorm, interactionDriftNorm];

    private PlayerDiagnostics(Tensor pending, int[] slots) => (this.pending, this.slots) = (pending, slots);

    /// <summary>Values still on the device: the loss (a scalar tensor) and the squared norms (scalar tensors),
    /// null where not measured. They are copied (detached, as float64) out of the caller's dispose scope.</summary>
    public static PlayerDiagnostics OnDevice(Tensor? loss, Tensor? ownGradNormSquared, Tensor? otherGradNormSquared,
        Tensor? selfDriftNormSquared, Tensor? interactionDriftNormSquared)
    {
        Tensor?[] all = [loss, ownGradNormSquared, otherGradNormSquared, selfDriftNormSquared, interactionDriftNormSquared];
        var slots = Enumerable.Range(0, Count).Where(i => all[i] is not null).ToArray();
        if (slots.Length == 0) return Unmeasured;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        var stacked = torch.Stack(slots.Select(i => all[i]!.Detach().Reshape().To(ScalarType.Float64)).ToArray());
        return new PlayerDiagnostics(stacked.DetachFromDisposeScope(), slots);
    }

    public static PlayerDiagnostics Unmeasured => new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public double Loss => Values[0];
    public double OwnGradNorm => Values[1];
    public double OtherGradNorm => Values[2];
    public double SelfDriftNorm => Values[3];
    public double InteractionDriftNorm => Values[4];

    /// <summary>False while the values are on the device only (reading any of them copies them to the host).</summary>
    public bool IsRead => values is not null;

    /// <summary>The loss as a float64 scalar tensor on the device where it was computed, without reading it to the
    /// host; null when the values were given as numbers or the loss was not measured.</summary>
    public Tensor? LossOnDevice() => pending is not null && slots![0] == 0 ? pending.Select(0, 0) : null;

    private double[] Values => values ??= Read();

    private double[] Read()
    {
        var read = pending!.ToArray<double>();
        var v = Enumerable.Repeat(double.NaN, Count).ToArray();
        for (var k = 0; k < slots!.Length; k++) v[slots[k]] = slots[k] == 0 ? read[k] : Math.Sqrt(read[k]);
        Dispose();
        return v;
    }

    public void Dispose()
    {
        pending?.Dispose();
        pending = null;
    }
}
