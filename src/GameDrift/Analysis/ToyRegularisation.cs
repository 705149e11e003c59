using System.Globalization;
using GameDrift.Games;

namespace GameDrift.Analysis;

/// <summary>What regularises a toy run: at most one drift regulariser plus the baselines of spec §5.4/§7.5, as
/// additions to the fields (f, g) the players step along (a gradient term t becomes -t on the field):
/// <list type="bullet">
/// <item><c>r1=GAMMA</c>, <c>r2=GAMMA</c>: gamma/2 |grad_x D|² on the discriminator; with D(x) = phi·x both are
/// gamma/2 |phi|², so f -= gamma phi (games implementing <see cref="ILinearDiscriminatorGame"/> only);</item>
/// <item><c>co=GAMMA</c>: both players descend gamma ½|xi|², xi = -(f, g): f -= gamma grad_phi ½(|f|²+|g|²), likewise g;</item>
/// <item><c>sga=LAMBDA</c>: the code's other-norm form, f -= lambda grad_phi ½|g|², g -= lambda grad_theta ½|f|².</item>
/// </list>
/// <item><c>instance-noise=SIGMA</c>: Gaussian noise on real and generated samples (§7.5); it changes the game itself,
/// so it is applied by swapping in the noisy game (<c>ToyGames.WithInstanceNoise</c>), which must implement
/// <see cref="IInstanceNoiseGame"/> with this σ.</item>
/// WGAN-GP has no toy form here (its Dirac field is discontinuous at phi = 0, §7.5).</summary>
public sealed record ToyRegularisation(DriftRegulariser? Drift = null, double R1 = 0, double R2 = 0, double Consensus = 0, double Sga = 0,
    double InstanceNoise = 0)
{
    /// <summary>The summed gradient-penalty weight (R1 and R2 coincide on a linear discriminator).</summary>
    public double PenaltyGamma => R1 + R2;

    /// <summary>Terms added to the fields (instance noise is not one: it lives in the game).</summary>
    public bool HasPenalties => R1 != 0 || R2 != 0 || Consensus != 0 || Sga != 0;

    public static implicit operator ToyRegularisation?(DriftRegulariser? drift) => drift is null ? null : new ToyRegularisation(drift);

    /// <summary>Throws a clear error when a term has no meaning for <paramref name="game"/>.</summary>
    public void Check(IVectorFieldGame game)
    {
        if ((R1 != 0 || R2 != 0) && game is not ILinearDiscriminatorGame)
            throw new ArgumentException($"r1/r2 penalise a discriminator's input gradient; the toy game '{game.Name}' has no discriminator (only the Dirac-GAN games do)");
        if (InstanceNoise != 0 && (game is not IInstanceNoiseGame noisy || noisy.NoiseStd != InstanceNoise))
            throw new ArgumentException($"instance noise is a property of the game: run the noisy version of '{game.Name}' (only the Dirac-GAN games have one)");
        if ((Consensus != 0 || Sga != 0) && game is not IDifferentiableToyGame)
            throw new ArgumentException($"co/sga need a game with losses; '{game.Name}' gives only vector fields");
    }

    /// <summary>Whether the float64 closed-form path can run this on <paramref name="game"/>.</summary>
    public bool HasClosedForm(IVectorFieldGame game) =>
        Drift is null && game is IClosedFormField
        && (Consensus == 0 && Sga == 0 || game is IClosedFormNormTerms { HasNormTerms: true });

    /// <summary>Parses a comma-separated spec such as <c>cancel-interaction,r1=0.3</c>; null for none. Drift names are
    /// those of <see cref="DriftRegulariser.Parse"/>.</summary>
    public static ToyRegularisation? Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        var r = new ToyRegularisation();
        foreach (var raw in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0) throw new FormatException($"--reg '{spec}': empty item (two commas in a row?)");
            var head = raw.Split('=', 2, StringSplitOptions.TrimEntries);
            var name = head[0].ToLowerInvariant();
            if (name.Contains(':'))
                throw new NotSupportedException($"--reg '{raw}': options (':...') are not available for toy runs");
            double Value() => head.Length == 2 && double.TryParse(head[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                && double.IsFinite(v) && v >= 0 ? v
                : throw new FormatException($"--reg '{raw}': needs a non-negative number, e.g. '{name}=0.3'");
            r = name switch
            {
                "r1" => r with { R1 = r.R1 + Value() },
                "r2" => r with { R2 = r.R2 + Value() },
                "co" or "consensus" => r with { Consensus = r.Consensus + Value() },
                "sga" => r with { Sga = r.Sga + Value() },
                "instance-noise" or "noise" => r with { InstanceNoise = r.InstanceNoise + Value() },
                "wgan-gp" => throw new NotSupportedException("--reg: wgan-gp has no toy form (its Dirac-GAN field is discontinuous at phi = 0); use it in 'train' or 'mog'"),
                _ when head.Length == 2 => throw new FormatException($"--reg '{raw}': unknown regulariser '{head[0]}' (toy runs know r1, r2, co, sga, instance-noise and the drift regularisers)"),
                _ => r.Drift is null
                    ? r with { Drift = DriftRegulariser.Parse(name) }
                    : throw new FormatException($"--reg '{spec}': at most one drift regulariser per run"),
            };
        }
        return r;
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (Drift is not null) parts.Add(Drift.ToString());
        void Add(string n, double v) { if (v != 0) parts.Add($"{n}={v.ToString("G6", CultureInfo.InvariantCulture)}"); }
        Add("r1", R1); Add("r2", R2); Add("co", Consensus); Add("sga", Sga); Add("instance-noise", InstanceNoise);
        return parts.Count == 0 ? "none" : string.Join(",", parts);
    }
}
