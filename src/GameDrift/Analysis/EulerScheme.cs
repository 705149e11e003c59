using GameDrift.Games;
using GameDrift.Schemes;

namespace GameDrift.Analysis;

/// <summary>The two Euler update schemes of spec §3.1.</summary>
public enum EulerScheme
{
    /// <summary>Both players step from the same point.</summary>
    Simultaneous,
    /// <summary>One player steps, then the other steps from the updated point (discriminator first by default).</summary>
    Alternating,
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

    /// <summary>The scheme as the regularisers see it (learning rates are given per configuration, not here).</summary>
    public SchemeInfo Info => new(Scheme == EulerScheme.Simultaneous ? SchemeKind.Simultaneous : SchemeKind.Alternating, 1, 1,
        DiscriminatorFirst ? PlayerRole.Phi : PlayerRole.Theta, DiscSteps, GenSteps);

    /// <summary>Parses "simultaneous"/"sim" or "alternating"/"alt" through the one scheme parser
    /// (<see cref="SchemeFactory.Parse"/>); the Euler maps have no RK4.</summary>
    public static EulerScheme ParseScheme(string name) => SchemeFactory.Parse(name) switch
    {
        SchemeKind.Simultaneous => EulerScheme.Simultaneous,
        SchemeKind.Alternating => EulerScheme.Alternating,
        _ => throw new ArgumentException($"scheme '{name}': the toy maps take simultaneous or alternating (rk4 is a training scheme and a flow integrator)"),
    };
}
