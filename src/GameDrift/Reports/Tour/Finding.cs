namespace GameDrift.Reports.Tour;

/// <summary>One row of the report's findings table: a claim of the paper, the evidence it was tested on, what this
/// run measured (with the spread over seeds), and the verdict of <see cref="Verdicts"/>' rule.</summary>
public sealed record Finding(string Claim, string Evidence, string Measured, string Verdict);

/// <summary>The three verdicts and the rule that gives them, the same for every comparison of A against B: over the
/// settings both were run at (learning rates), A is <em>supported</em> as better when at some setting all of A's
/// seeds beat all of B's (the min–max ranges do not overlap) and at no setting the reverse; <em>not supported</em>
/// when the reverse holds; otherwise (overlap everywhere, or each better somewhere, or fewer than
/// <see cref="MinSeeds"/> seeds a side) <em>not resolved at this size</em>. A diverged run counts as the worst value.</summary>
public static class Verdicts
{
    public const string Supported = "supported";
    public const string NotSupported = "not supported";
    public const string NotResolved = "not resolved at this size";
    public const int MinSeeds = 3;

    /// <summary>The verdict on "A is better than B" from (A, B) pairs of seed spreads, one pair per setting.</summary>
    public static string Compare(IEnumerable<(SeedSpread? A, SeedSpread? B)> settings, bool lowerIsBetter)
    {
        bool aWins = false, bWins = false;
        foreach (var (a, b) in settings)
        {
            if (a is null || b is null || a.N < MinSeeds || b.N < MinSeeds) continue;
            aWins |= a.SeparatedAbove(b, lowerIsBetter);
            bWins |= b.SeparatedAbove(a, lowerIsBetter);
        }
        return aWins && !bWins ? Supported : bWins && !aWins ? NotSupported : NotResolved;
    }

    /// <summary>For deterministic evidence (no seeds): a larger share is better.</summary>
    public static string CompareExact(double a, double b) => a > b ? Supported : a < b ? NotSupported : NotResolved;
}
