using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

/// <summary>Paths to the numpy-made files in Metrics/Fixtures (see make_fixtures.py there).</summary>
internal static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Metrics", "Fixtures", name);

    private static readonly Lazy<IReadOnlyDictionary<string, NpyArray>> GoldenArrays =
        new(() => Npz.Read(PathOf("golden.npz")));

    /// <summary>An array of golden.npz.</summary>
    public static NpyArray Golden(string key) => GoldenArrays.Value[key];
}
