using GameDrift.Games;
using GameDrift.Regularisers;

namespace GameDrift.Analysis;

/// <summary>The regularisers of a toy run, as parsed by <see cref="RegulariserRegistry"/> (one syntax and one meaning in
/// every command), sorted by how the float64 toy path applies them to the fields (f, g) the players step along (a
/// gradient term t becomes -t on the field):
/// <list type="bullet">
/// <item>drift regularisers (<see cref="DriftRegulariser"/>: multiplier m times the drift coefficient d times the §5.1 term);</item>
/// <item><c>r1=GAMMA</c>, <c>r2=GAMMA</c>: gamma/2 |grad_x D|² on the discriminator; with D(x) = phi·x both are
/// gamma/2 |phi|², so f -= gamma phi (games implementing <see cref="ILinearDiscriminatorGame"/> only, spec §7.5);</item>
/// <item><c>co=GAMMA</c>: each player adds gamma ½ grad(|grad_phi L1|² + |grad_theta L2|²) (§5.4);</item>
/// <item><c>sga=LAMBDA</c>: the code's other-norm form, each player adds lambda ½ grad |grad_O L_O|² (§5.4).</item>
/// </list>
/// The batch estimators (<c>:split</c>, <c>:same-batch</c>) are accepted and exact here (toy games have no batch).
/// WGAN-GP has no toy form (its Dirac field is discontinuous at phi = 0, §7.5).</summary>
public sealed record ToyRegularisation(IReadOnlyList<DriftRegulariser> Drifts, double R1, double R2, double Consensus, double Sga, string Name)
{
    /// <summary>The summed gradient-penalty weight (R1 and R2 coincide on a linear discriminator).</summary>
    public double PenaltyGamma => R1 + R2;

    public bool HasPenalties => R1 != 0 || R2 != 0 || Consensus != 0 || Sga != 0;

    public bool HasDrift => Drifts.Count > 0;

    public static implicit operator ToyRegularisation?(DriftRegulariser? drift) => drift is null ? null : From(new[] { drift });

    /// <summary>Throws a clear error when a term has no meaning for <paramref name="game"/>.</summary>
    public void Check(IVectorFieldGame game)
    {
        if ((R1 != 0 || R2 != 0) && game is not ILinearDiscriminatorGame)
            throw new ArgumentException($"r1/r2 penalise a discriminator's input gradient; the toy game '{game.Name}' has no discriminator (only the Dirac-GAN games do)");
        if ((Consensus != 0 || Sga != 0) && game is not IDifferentiableToyGame)
            throw new ArgumentException($"co/sga need a game with losses; '{game.Name}' gives only vector fields");
    }

    /// <summary>Whether the float64 closed-form path can run this on <paramref name="game"/>.</summary>
    public bool HasClosedForm(IVectorFieldGame game) =>
        !HasDrift && game is IClosedFormField
        && (Consensus == 0 && Sga == 0 || game is IClosedFormNormTerms { HasNormTerms: true });

    /// <summary>Parses a regulariser spec with <see cref="RegulariserRegistry.Parse"/>; null for none.</summary>
    public static ToyRegularisation? Parse(string? spec) => From(RegulariserRegistry.Parse(spec));

    /// <summary>The toy form of parsed regularisers; null for none. Throws <see cref="NotSupportedException"/> for those
    /// the toy path does not have.</summary>
    public static ToyRegularisation? From(IReadOnlyList<IRegulariser> regularisers)
    {
        if (regularisers.Count == 0) return null;
        var r = new ToyRegularisation(Array.Empty<DriftRegulariser>(), 0, 0, 0, 0, string.Join(",", regularisers.Select(x => x.Name)));
        foreach (var x in regularisers)
            r = x switch
            {
                DriftRegulariser d => r with { Drifts = r.Drifts.Append(d).ToArray() },
                R1Penalty p => r with { R1 = r.R1 + p.Gamma },
                R2Penalty p => r with { R2 = r.R2 + p.Gamma },
                ConsensusOptimisation c => r with { Consensus = r.Consensus + c.Gamma },
                SymplecticGradientAdjustment { Form: SgaForm.OtherNorm, Alignment: false } s => r with { Sga = r.Sga + s.Lambda },
                SymplecticGradientAdjustment s => throw new NotSupportedException($"--reg '{s.Name}': toy runs have the other-norm SGA only (no :general or :align)"),
                WganGradientPenalty => throw new NotSupportedException("--reg: wgan-gp has no toy form (its Dirac-GAN field is discontinuous at phi = 0); use it in 'train' or 'mog'"),
                _ => throw new NotSupportedException($"--reg '{x.Name}' has no toy form"),
            };
        return r;
    }

    public override string ToString() => Name;
}
