using GameDrift.Games;
using GameDrift.Regularisers;

namespace GameDrift.ToyRuns;

/// <summary>The regularisers of a toy run, as parsed by <see cref="RegulariserRegistry"/> (one syntax and one meaning in
/// every command). The float64 toy path applies them as <see cref="ToyOracle"/> describes:
/// <list type="bullet">
/// <item>drift regularisers, <c>co=GAMMA</c>, <c>sga=LAMBDA</c> (<see cref="ITermRegulariser"/>): the same §5.1 terms and
/// coefficients as in training, evaluated on the game's fields;</item>
/// <item><c>r1=GAMMA</c>, <c>r2=GAMMA</c> (<see cref="GradientPenalty"/>): gamma/2 |grad_x D|² on the discriminator, the
/// training path's penalties on the game's linear discriminator D(x) = phi·x, where both are gamma/2 |phi|² (games
/// implementing <see cref="ILinearDiscriminatorGame"/> only, spec §7.5);</item>
/// <item><c>instance-noise=SIGMA</c> (<see cref="InstanceNoise"/>): Gaussian noise on real and generated samples (§7.5); it
/// changes the game itself, so it is applied by swapping in the noisy game (<c>ToyGames.WithInstanceNoise</c>), which must
/// implement <see cref="IInstanceNoiseGame"/> with this σ.</item>
/// </list>
/// The batch estimators (<c>:split</c>, <c>:same-batch</c>) are accepted and exact here (toy games have no batch).
/// SGA's alignment sign is one per evaluation, not per configuration, and WGAN-GP has no toy form (its Dirac field is discontinuous at phi = 0, §7.5).</summary>
public sealed record ToyRegularisation(IReadOnlyList<ITermRegulariser> Terms, IReadOnlyList<GradientPenalty> Penalties, string Name)
{
    /// <summary>The instance-noise std σ (0: none); it lives in the game, not in the fields.</summary>
    public double InstanceNoise { get; init; }

    /// <summary>The summed gradient-penalty weight: on a linear discriminator R1 and R2 both add gamma phi to phi's
    /// gradient (the closed-form path's reading of <see cref="Penalties"/>).</summary>
    public double PenaltyGamma => Penalties.Sum(p => p switch
    {
        R1Penalty r1 => r1.Gamma,
        R2Penalty r2 => r2.Gamma,
        _ => throw new NotSupportedException($"'{p.Name}' has no closed form on a linear discriminator"),
    });

    public bool HasDrift => Terms.Any(t => t is DriftRegulariser);

    public static implicit operator ToyRegularisation?(DriftRegulariser? drift) => drift is null ? null : From(new[] { drift });

    /// <summary>Throws a clear error when a term has no meaning for <paramref name="game"/>.</summary>
    public void Check(IVectorFieldGame game)
    {
        if (Penalties.Count > 0 && game is not ILinearDiscriminatorGame)
            throw new ArgumentException($"r1/r2 penalise a discriminator's input gradient; the toy game '{game.Name}' has no discriminator (only the Dirac-GAN games do)");
        if (InstanceNoise != 0 && (game is not IInstanceNoiseGame noisy || noisy.NoiseStd != InstanceNoise))
            throw new ArgumentException($"instance noise is a property of the game: run the noisy version of '{game.Name}' (only the Dirac-GAN games have one)");
        if (Terms.Any(t => t is not DriftRegulariser) && game is not IDifferentiableToyGame)
            throw new ArgumentException($"co/sga need a game with losses; '{game.Name}' gives only vector fields");
    }

    /// <summary>Per player, the summed weights of the self-norm and other-norm terms when every term is one of those with a
    /// constant coefficient (CO, other-norm SGA), which the closed-form path evaluates; null otherwise (drift terms).</summary>
    public (double Self, double Other)[]? NormWeights(SchemeInfo scheme)
    {
        var w = new (double Self, double Other)[2];
        foreach (var (player, i) in new[] { (PlayerRole.Phi, 0), (PlayerRole.Theta, 1) })
            foreach (var part in Terms.SelectMany(t => t.Parts(scheme, player)))
            {
                if (part.Rate is not null || part.Term == GradientTerm.OtherDotProduct) return null;
                if (part.Term == GradientTerm.SelfNorm) w[i].Self += part.Weight;
                else w[i].Other += part.Weight;
            }
        return w;
    }

    /// <summary>Whether the float64 closed-form path can run this on <paramref name="game"/>.</summary>
    public bool HasClosedForm(IVectorFieldGame game, SchemeInfo scheme) =>
        game is IClosedFormField && NormWeights(scheme) is { } w
        && (w.All(x => x == default) || game is IClosedFormNormTerms { HasNormTerms: true });

    /// <summary>Parses a regulariser spec with <see cref="RegulariserRegistry.Parse"/>; null for none.</summary>
    public static ToyRegularisation? Parse(string? spec)
    {
        var r = From(RegulariserRegistry.Parse(spec));
        var sigma = Regularisers.InstanceNoise.Sigma(spec);
        if (sigma == 0) return r;
        var noise = $"{Regularisers.InstanceNoise.Name}={sigma.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}";
        return (r ?? new ToyRegularisation(Array.Empty<ITermRegulariser>(), Array.Empty<GradientPenalty>(), "")) with
        {
            InstanceNoise = sigma, Name = r is null ? noise : r.Name + "," + noise,
        };
    }

    /// <summary>The toy form of parsed regularisers; null for none. Throws <see cref="NotSupportedException"/> for those
    /// the toy path does not have.</summary>
    public static ToyRegularisation? From(IReadOnlyList<IRegulariser> regularisers)
    {
        if (regularisers.Count == 0) return null;
        var r = new ToyRegularisation(Array.Empty<ITermRegulariser>(), Array.Empty<GradientPenalty>(), string.Join(",", regularisers.Select(x => x.Name)));
        foreach (var x in regularisers)
            r = x switch
            {
                SymplecticGradientAdjustment { Alignment: true } s => throw new NotSupportedException($"--reg '{s.Name}': toy runs have no SGA alignment (its sign is taken over all parameters at once, so a batch of configurations would share one)"),
                ITermRegulariser t => r with { Terms = r.Terms.Append(t).ToArray() },
                R1Penalty or R2Penalty => r with { Penalties = r.Penalties.Append((GradientPenalty)x).ToArray() },
                WganGradientPenalty => throw new NotSupportedException("--reg: wgan-gp has no toy form (its Dirac-GAN field is discontinuous at phi = 0); use it in 'train' or 'mog'"),
                _ => throw new NotSupportedException($"--reg '{x.Name}' has no toy form"),
            };
        return r;
    }

    public override string ToString() => Name;
}
