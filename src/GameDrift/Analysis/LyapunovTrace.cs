using GameDrift.Analysis.SingleObjective;
using GameDrift.Games;
using GameDrift.Torch;
using GameDrift.ToyRuns;

namespace GameDrift.Analysis;

/// <summary>Running estimates of the largest Lyapunov exponent of a discrete update map along a recorded trajectory
/// (Benettin's method, as <see cref="GameDrift.ToyRuns.BatchedToyRunner"/> uses for its final value): a tangent vector, initially
/// (1, ..., 1)/sqrt(d), is pushed through the map's Jacobian by Jacobian-vector products at each iterate, its log growth
/// summed and the vector renormalised; estimate n is the sum over the first n steps divided by n (per step).</summary>
public static class LyapunovTrace
{
    /// <summary>Estimates for n = 0..N (NaN at n = 0) of a toy run whose iterates are <paramref name="trajectory"/>[n].</summary>
    public static double[] Toy(IVectorFieldGame game, SchemeInfo update, IReadOnlyList<double[]> trajectory, double lrD, double lrG,
        ToyRegularisation? regulariser = null)
    {
        int dim = game.PhiDim + game.ThetaDim;
        var v = Enumerable.Repeat(1 / Math.Sqrt(dim), dim).ToArray();
        var result = new double[trajectory.Count];
        result[0] = double.NaN;
        double logSum = 0;
        using var outer = torch.NewDisposeScope();
        var ep = torch.Scalar(lrD, torch.float64);
        var et = torch.Scalar(lrG, torch.float64);
        for (int n = 1; n < trajectory.Count; n++)
        {
            using var scope = torch.NewDisposeScope();
            var (_, jv) = DiscreteMaps.StepWithTangent(game, update, torch.Tensor(trajectory[n - 1]), torch.Tensor(v), ep, et, regulariser);
            v = Renormalise(jv.ToArray<double>(), ref logSum);
            result[n] = logSum / n;
        }
        return result;
    }

    /// <summary>Estimates for n = 0..steps of gradient descent θ ← θ - h∇E on a single loss (e.g. a small network written
    /// over a flat parameter vector): the tangent map is v ↦ v - h H v, one exact HVP per step. On a quadratic the
    /// estimate tends to log max_i |1 - hλ_i|.</summary>
    public static double[] GradientDescent(IScalarLoss loss, double h, double[] start, int steps)
    {
        var v = Enumerable.Repeat(1 / Math.Sqrt(start.Length), start.Length).ToArray();
        var theta = (double[])start.Clone();
        var result = new double[steps + 1];
        result[0] = double.NaN;
        double logSum = 0;
        for (int n = 1; n <= steps; n++)
        {
            var hv = LossCalculus.Hvp(loss, theta, v);
            v = Renormalise(v.Select((x, i) => x - h * hv[i]).ToArray(), ref logSum);
            theta = GdFlows.GdStep(loss, h, theta);
            result[n] = logSum / n;
        }
        return result;
    }

    private static double[] Renormalise(double[] w, ref double logSum)
    {
        double norm = Math.Sqrt(w.Sum(x => x * x));
        logSum += Math.Log(norm);
        return w.Select(x => x / norm).ToArray();
    }
}
