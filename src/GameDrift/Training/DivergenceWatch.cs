using GameDrift.Diagnostics;
using GameDrift.Torch;

namespace GameDrift.Training;

/// <summary>Finds the first step whose losses or parameters are NaN or Inf without reading the device at every step:
/// each step leaves its two losses and the sum of all parameters (non-finite when any parameter is) on the device,
/// and <see cref="Check"/> reads the steps gathered since the last check in one copy. The trainer checks before it
/// writes, saves or reads anything, so what a run leaves behind is what a check after every step would leave.</summary>
internal sealed class DivergenceWatch : IDisposable
{
    private readonly List<(long Step, Tensor Values)> pending = [];

    /// <summary>Steps gathered without a check; past this many the trainer checks anyway, so a diverged run that
    /// logs rarely stops soon after all the same.</summary>
    public const int MaxPending = 100;

    public bool Full => pending.Count >= MaxPending;

    public void Record(long step, StepDiagnostics d, TrainingSession session)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        var sum = session.ParameterSum();
        Tensor Loss(PlayerDiagnostics p) => p.LossOnDevice() ?? torch.Scalar(p.Loss, ScalarType.Float64, sum.Device);
        var values = torch.Stack([Loss(d.D), Loss(d.G), sum]);
        pending.Add((step, values.DetachFromDisposeScope()));
    }

    /// <summary>The first gathered step that diverged and what went non-finite ("a loss" or "a parameter"), or null.</summary>
    public (long Step, string What)? Check()
    {
        if (pending.Count == 0) return null;
        double[] v;
        using (var scope = torch.NewDisposeScope())
            v = torch.Cat(pending.Select(p => p.Values).ToArray()).ToArray<double>();
        var steps = pending.Select(p => p.Step).ToArray();
        Dispose();
        for (var i = 0; i < steps.Length; i++)
        {
            bool lossesFinite = double.IsFinite(v[3 * i]) && double.IsFinite(v[3 * i + 1]);
            if (!lossesFinite || !double.IsFinite(v[3 * i + 2])) return (steps[i], lossesFinite ? "a parameter" : "a loss");
        }
        return null;
    }

    public void Dispose()
    {
        foreach (var (_, t) in pending) t.Dispose();
        pending.Clear();
    }
}
