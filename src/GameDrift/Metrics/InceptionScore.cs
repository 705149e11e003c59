using System.Numerics;

namespace GameDrift.Metrics;

/// <summary>
/// Inception Score: <c>exp(E_x KL(p(y|x) ‖ p(y)))</c> per split, where p(y) is the split's mean
/// prediction, reported as mean ± population std over the splits (Salimans et al. 2016;
/// torch-fidelity <c>metric_isc.py</c>; peers.md §d.4).
/// </summary>
/// <remarks>
/// Split i covers rows <c>[i·N/S, (i+1)·N/S)</c> with integer division, as in both the original
/// code and torch-fidelity, so uneven N gives splits differing by one row. All arithmetic is
/// float64 (torch-fidelity casts to double). Terms with p(y|x) = 0 contribute 0 (the limit of
/// p log p), instead of the NaN the original <c>p * log(p)</c> would give.
/// </remarks>
public static class InceptionScore
{
    /// <summary>Score of N rows of class probabilities or logits (row-major N x <paramref name="classes"/>).</summary>
    public static MetricEstimate Compute(float[] predictions, int classes, InceptionScoreOptions? options = null)
        => ComputeCore(predictions, classes, options ?? InceptionScoreOptions.Default);

    /// <summary>Score of N rows of class probabilities or logits (row-major N x <paramref name="classes"/>).</summary>
    public static MetricEstimate Compute(double[] predictions, int classes, InceptionScoreOptions? options = null)
        => ComputeCore(predictions, classes, options ?? InceptionScoreOptions.Default);

    private static MetricEstimate ComputeCore<T>(T[] predictions, int classes, InceptionScoreOptions options)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (predictions.Length % classes != 0)
            throw new ArgumentException($"{predictions.Length} values are not a whole number of {classes}-class rows.", nameof(predictions));
        int n = predictions.Length / classes;
        int splits = options.Splits;
        if (splits < 1)
            throw new ArgumentOutOfRangeException(nameof(options), splits, "At least one split is required.");
        if (n < splits)
            throw new ArgumentException($"{n} samples cannot be divided into {splits} non-empty splits.", nameof(predictions));

        int[] order = options.ShuffleSeed is uint seed
            ? new NumpyRandomState(seed).Permutation(n)
            : Enumerable.Range(0, n).ToArray();

        // p and log p per row, in the (possibly shuffled) order.
        var p = new double[(long)n * classes];
        var logP = new double[(long)n * classes];
        for (int r = 0; r < n; r++)
        {
            ReadOnlySpan<T> src = predictions.AsSpan(order[r] * classes, classes);
            Span<double> pr = p.AsSpan(r * classes, classes);
            Span<double> lr = logP.AsSpan(r * classes, classes);
            if (options.InputsAreLogits) LogSoftmax(src, pr, lr);
            else CheckedProbabilities(src, pr, lr, order[r]);
        }

        var scores = new double[splits];
        var marginal = new double[classes];
        for (int s = 0; s < splits; s++)
        {
            int start = (int)((long)s * n / splits), end = (int)((long)(s + 1) * n / splits);
            Array.Clear(marginal);
            for (int r = start; r < end; r++)
                for (int c = 0; c < classes; c++) marginal[c] += p[r * classes + c];
            for (int c = 0; c < classes; c++) marginal[c] /= end - start;

            double klSum = 0;
            for (int r = start; r < end; r++)
                for (int c = 0; c < classes; c++)
                {
                    double pc = p[r * classes + c];
                    if (pc > 0) klSum += pc * (logP[r * classes + c] - Math.Log(marginal[c]));
                }
            scores[s] = Math.Exp(klSum / (end - start));
        }
        return MetricEstimate.FromValues(scores);
    }

    private static void LogSoftmax<T>(ReadOnlySpan<T> logits, Span<double> p, Span<double> logP) where T : INumberBase<T>
    {
        double max = double.NegativeInfinity;
        foreach (T t in logits) max = Math.Max(max, double.CreateTruncating(t));
        if (!double.IsFinite(max)) throw new ArgumentException("Logits contain NaN or infinity.");
        double sum = 0;
        foreach (T t in logits) sum += Math.Exp(double.CreateTruncating(t) - max);
        double logZ = max + Math.Log(sum);
        for (int c = 0; c < logits.Length; c++)
        {
            logP[c] = double.CreateTruncating(logits[c]) - logZ;
            p[c] = Math.Exp(logP[c]);
        }
    }

    private static void CheckedProbabilities<T>(ReadOnlySpan<T> row, Span<double> p, Span<double> logP, int index)
        where T : INumberBase<T>
    {
        double sum = 0;
        for (int c = 0; c < row.Length; c++)
        {
            double v = double.CreateTruncating(row[c]);
            if (!(v >= 0) || !double.IsFinite(v))
                throw new ArgumentException($"Row {index} has an invalid probability {v}; pass InputsAreLogits=true for logits.");
            p[c] = v;
            logP[c] = v > 0 ? Math.Log(v) : double.NegativeInfinity;
            sum += v;
        }
        // Loose enough for float32 softmax over 1008 classes, tight enough to catch logits.
        if (Math.Abs(sum - 1) > 1e-3)
            throw new ArgumentException($"Row {index} sums to {sum}, not 1; pass InputsAreLogits=true for logits.");
    }
}
