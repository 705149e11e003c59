using GameDrift.Training;

namespace GameDrift.Games.Mixture;

/// <summary>The generator's points from the run's fixed latents (<c>grid_size</c> of them, the ring's
/// <c>--eval-samples</c>), as x and y coordinates.</summary>
internal static class RingSamples
{
    public static (double[] Xs, double[] Ys) Draw(TrainingSession session)
    {
        var (data, _) = session.Sample();
        var n = data.Length / 2;
        var (xs, ys) = (new double[n], new double[n]);
        for (int i = 0; i < n; i++) (xs[i], ys[i]) = (data[2 * i], data[2 * i + 1]);
        return (xs, ys);
    }
}
