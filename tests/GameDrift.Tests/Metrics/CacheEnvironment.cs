using GameDrift.Metrics.Extractors;

namespace GameDrift.Tests.Metrics;

/// <summary>Tests that set GAMEDRIFT_CACHE / GAMEDRIFT_INCEPTION share this collection, so they never run at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CacheEnvironment
{
    public const string Name = "GameDrift cache environment";

    /// <summary>Points the cache at a fresh temporary folder (and clears GAMEDRIFT_INCEPTION) until disposed.</summary>
    internal sealed class Scope : IDisposable
    {
        private readonly string? cache = Environment.GetEnvironmentVariable(GameDriftCache.EnvironmentVariable);
        private readonly string? inception = Environment.GetEnvironmentVariable(InceptionLocator.EnvironmentVariable);

        public Scope()
        {
            Environment.SetEnvironmentVariable(GameDriftCache.EnvironmentVariable, Directory.Path);
            Environment.SetEnvironmentVariable(InceptionLocator.EnvironmentVariable, null);
        }

        public TempDirectory Directory { get; } = new();

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(GameDriftCache.EnvironmentVariable, cache);
            Environment.SetEnvironmentVariable(InceptionLocator.EnvironmentVariable, inception);
            Directory.Dispose();
        }
    }
}
