using System.Globalization;
using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>Parses a regulariser spec such as <c>cancel-interaction:single-clock,r1=0.3,co=0.1,sga=0.5</c>:
/// comma-separated items <c>name[=value][:option...]</c>.
/// <list type="bullet">
/// <item><c>cancel-interaction</c>, <c>cancel-self</c>, <c>cancel-all</c> (both), <c>strengthen-self</c> (no value): multiplier
/// -1 cancels a drift term, +1 doubles it (spec §4.1, §5.1); options <c>paper</c> (the default: the official code's coefficients)
/// or <c>single-clock</c> (§3.3), <c>split</c> (default) or <c>same-batch</c>, and <c>d</c> or <c>g</c> (also spelt
/// <c>phi</c>, <c>theta</c>) to act on one player only;</item>
/// <item><c>co=GAMMA</c> (alias <c>consensus</c>): each player adds <c>GAMMA * ½ grad(|grad_phi L1|² + |grad_theta L2|²)</c>
/// (§5.4); options <c>same-batch</c> (default) or <c>split</c>;</item>
/// <item><c>sga=LAMBDA</c>: each player adds <c>LAMBDA * ½ grad |grad_O L_O|²</c>, SGA's lambda and the code's <c>other_norm</c>
/// coefficient (§5.4). A term written <c>c grad|.|²</c> (the [DD] colab's "lr/4 + 0.3") is <c>sga=2c</c>. Options
/// <c>general</c>, <c>align</c>, <c>same-batch</c>/<c>split</c>;</item>
/// <item><c>r1=GAMMA</c>, <c>r2=GAMMA</c>, <c>wgan-gp=LAMBDA</c> (GAN games only);</item>
/// <item><c>instance-noise=SIGMA</c> is not a gradient term: it is skipped here and applied to the discriminator's
/// inputs (<see cref="InstanceNoise"/>).</item>
/// </list></summary>
public static class RegulariserRegistry
{
    public static IReadOnlyList<string> Names { get; } = new[]
    {
        "cancel-interaction", "cancel-self", "cancel-all", "strengthen-self", "co", "consensus", "sga", "r1", "r2", "wgan-gp", InstanceNoise.Name,
    };

    /// <summary>The regularisers of a spec, transforms for the players' chains (empty or "none" gives none). Throws
    /// <see cref="FormatException"/> with the offending item on unknown names, options or bad values.</summary>
    public static IReadOnlyList<IRegulariser> Parse(string? spec, Generator? generator = null)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return Array.Empty<IRegulariser>();
        _ = InstanceNoise.Sigma(spec); // checks its items
        return spec.Split(',', StringSplitOptions.TrimEntries).Where(item => !InstanceNoise.IsItem(item))
            .Select(item => ParseItem(item, generator)).ToArray();
    }

    private static IRegulariser ParseItem(string item, Generator? generator)
    {
        if (item.Length == 0) throw new FormatException("empty item in regulariser spec (two commas in a row?)");
        var parts = item.Split(':', StringSplitOptions.TrimEntries);
        var head = parts[0].Split('=', 2, StringSplitOptions.TrimEntries);
        var name = head[0].ToLowerInvariant();
        var value = head.Length == 2 ? head[1] : null;
        var options = new HashSet<string>(parts.Skip(1).Select(o => o.ToLowerInvariant()));
        try
        {
            return name switch
            {
                "cancel-interaction" => Drift(item, 0, -1, value, options),
                "cancel-self" => Drift(item, -1, 0, value, options),
                "cancel-all" => Drift(item, -1, -1, value, options),
                "strengthen-self" => Drift(item, +1, 0, value, options),
                "co" or "consensus" => Only(item, options, new ConsensusOptimisation(Number(item, value), Estimator(options, TermEstimator.SameBatch)), "same-batch", "split"),
                "sga" => Only(item, options, new SymplecticGradientAdjustment(Number(item, value),
                    options.Contains("general") ? SgaForm.General : SgaForm.OtherNorm, options.Contains("align"),
                    Estimator(options, TermEstimator.SameBatch)), "general", "align", "same-batch", "split"),
                "r1" => Only(item, options, new R1Penalty(Number(item, value))),
                "r2" => Only(item, options, new R2Penalty(Number(item, value))),
                "wgan-gp" => Only(item, options, new WganGradientPenalty(Number(item, value), generator)),
                _ when name.EndsWith("-paper") || name.EndsWith("-single-clock") => throw new FormatException(
                    $"unknown regulariser '{head[0]}': options follow a colon, e.g. '{name[..name.LastIndexOf(name.EndsWith("-paper") ? "-paper" : "-single-clock")]}:{(name.EndsWith("-paper") ? "paper" : "single-clock")}'"),
                _ => throw new FormatException($"unknown regulariser '{head[0]}' in '{item}' (known: {string.Join(", ", Names)})"),
            };
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"bad regulariser '{item}': {e.Message}", e);
        }
    }

    private static DriftRegulariser Drift(string item, double self, double interaction, string? value, HashSet<string> options)
    {
        if (value is not null) throw new FormatException($"'{item}': drift regularisers take no value (their coefficients come from the learning rates)");
        // d/g is the user-facing name of a player; phi/theta, the formulas' names, are read as the same.
        if (options.Remove("phi")) options.Add("d");
        if (options.Remove("theta")) options.Add("g");
        Only(item, options, (object?)null, "paper", "single-clock", "split", "same-batch", "d", "g");
        if (options.Contains("paper") && options.Contains("single-clock")) throw new FormatException($"'{item}': choose one of paper, single-clock");
        if (options.Contains("d") && options.Contains("g")) throw new FormatException($"'{item}': give d or g, not both (omit both for both players)");
        var players = options.Contains("d") ? new[] { PlayerRole.Phi } : options.Contains("g") ? new[] { PlayerRole.Theta } : null;
        return new DriftRegulariser(self, interaction,
            options.Contains("single-clock") ? DriftConvention.SingleClock : DriftConvention.Paper,
            Estimator(options, TermEstimator.SplitBatch), players, item.Split(':')[0].Trim() + string.Concat(options.Order().Select(o => ":" + o)));
    }

    private static TermEstimator Estimator(HashSet<string> options, TermEstimator fallback)
    {
        if (options.Contains("split") && options.Contains("same-batch")) throw new FormatException("choose one of split, same-batch");
        return options.Contains("split") ? TermEstimator.SplitBatch : options.Contains("same-batch") ? TermEstimator.SameBatch : fallback;
    }

    private static T Only<T>(string item, HashSet<string> options, T result, params string[] allowed)
    {
        var unknown = options.Where(o => !allowed.Contains(o)).ToArray();
        if (unknown.Length > 0)
            throw new FormatException($"'{item}': unknown option(s) {string.Join(", ", unknown)}" +
                (allowed.Length > 0 ? $" (allowed: {string.Join(", ", allowed)})" : " (this regulariser takes none)"));
        return result;
    }

    private static double Number(string item, string? value)
    {
        if (value is null) throw new FormatException($"'{item}' needs a value, e.g. '{item}=0.1'");
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new FormatException($"'{item}': '{value}' is not a number");
        if (v < 0) throw new FormatException($"'{item}': the coefficient must be >= 0");
        return v;
    }
}
