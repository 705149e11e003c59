using GameDrift.Games;
using GameDrift.Transforms;

namespace GameDrift.Schemes;

/// <summary>The one place a scheme's name is read and its training scheme built: every command (train, sweep, mog, toy
/// commands) and config goes through <see cref="Parse"/>, so a name means the same scheme everywhere.</summary>
public static class SchemeFactory
{
    /// <summary>The names a config or command line may give (with the short forms sim, alt).</summary>
    public static IReadOnlyList<string> Names { get; } = ["simultaneous", "alternating", "rk4"];

    /// <summary>"simultaneous"/"sim", "alternating"/"alt" or "rk4"; anything else is a one-line error naming the choices.</summary>
    public static SchemeKind Parse(string? name, string what = "scheme") => name?.Trim().ToLowerInvariant() switch
    {
        "simultaneous" or "sim" => SchemeKind.Simultaneous,
        "alternating" or "alt" => SchemeKind.Alternating,
        "rk4" => SchemeKind.RungeKutta4,
        _ => throw new ArgumentException($"{what}: unknown scheme '{name}' (expected {string.Join(", ", Names)})"),
    };

    /// <summary>The training scheme of <paramref name="kind"/> over the players' chains; <paramref name="first"/> and the
    /// step counts apply to alternating updates only.</summary>
    public static UpdateScheme Create(SchemeKind kind, ITwoPlayerGame game, Chain disc, Chain gen, IBatchSource batches,
        PlayerRole first = PlayerRole.Phi, int discSteps = 1, int genSteps = 1) => kind switch
    {
        SchemeKind.Simultaneous => new Simultaneous(game, disc, gen, batches),
        SchemeKind.Alternating => new Alternating(game, disc, gen, batches, first, discSteps, genSteps),
        _ => new RungeKutta4(game, disc, gen, batches),
    };
}
