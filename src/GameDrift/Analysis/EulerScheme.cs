namespace GameDrift.Analysis;

/// <summary>The two Euler update schemes of spec §3.1.</summary>
public enum EulerScheme
{
    /// <summary>Both players step from the same point.</summary>
    Simultaneous,
    /// <summary>One player steps, then the other steps from the updated point (discriminator first by default).</summary>
    Alternating,
}

/// <summary>Which modified-flow coefficients to use (spec §3.2 vs §3.3).</summary>
public enum DriftForm
{
    /// <summary>The paper's per-player-time form (Theorems 3.1/3.2, the official code's coefficients).</summary>
    Paper,
    /// <summary>One Euler scheme for the joint field on a single clock (spec §3.3; valid over many steps).</summary>
    SingleClock,
}

/// <summary>An Euler update rule: the scheme and, for alternating updates, how many steps each player takes
/// and who goes first (spec §3.1, §7.4).</summary>
public sealed record EulerUpdate(EulerScheme Scheme, int DiscSteps = 1, int GenSteps = 1, bool DiscriminatorFirst = true)
{
    public static EulerUpdate Simultaneous { get; } = new(EulerScheme.Simultaneous);
    public static EulerUpdate Alternating { get; } = new(EulerScheme.Alternating);

    /// <summary>Throws when the step counts make no sense for the scheme.</summary>
    public void Validate()
    {
        if (DiscSteps < 1 || GenSteps < 1)
            throw new ArgumentException($"step counts must be at least 1 (got discriminator {DiscSteps}, generator {GenSteps})");
        if (Scheme == EulerScheme.Simultaneous && (DiscSteps != 1 || GenSteps != 1 || !DiscriminatorFirst))
            throw new ArgumentException("simultaneous updates take exactly one step per player");
    }

    /// <summary>Parses "simultaneous"/"sim" or "alternating"/"alt".</summary>
    public static EulerScheme ParseScheme(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "simultaneous" or "sim" => EulerScheme.Simultaneous,
        "alternating" or "alt" => EulerScheme.Alternating,
        _ => throw new ArgumentException($"unknown scheme '{name}'; expected simultaneous or alternating", nameof(name)),
    };
}
