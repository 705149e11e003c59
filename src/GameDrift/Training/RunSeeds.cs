using GameDrift.Data;

namespace GameDrift.Training;

/// <summary>Independent seeds for each random stream of a run, all derived from the config's <c>seed</c>, so that
/// changing one stream's use (e.g. the grid size) never shifts another.</summary>
internal readonly record struct RunSeeds(ulong Init, ulong Latents, ulong Sampler, ulong Regularisers, ulong Grid, ulong Global)
{
    public static RunSeeds From(long seed)
    {
        var s = unchecked((ulong)seed);
        ulong Stream(ulong k) => SplitMix64.Mix(s ^ SplitMix64.Mix(k + 1));
        return new(Stream(0), Stream(1), Stream(2), Stream(3), Stream(4), Stream(5));
    }

    /// <summary>The global torch generator's seed at <paramref name="step"/>: re-seeding every step makes anything
    /// drawing from it (dropout) reproducible after a resume without saving its state.</summary>
    public ulong GlobalAt(long step) => SplitMix64.Mix(Global ^ unchecked((ulong)step));
}
