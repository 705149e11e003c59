namespace GameDrift.Games;

/// <summary>The double-backprop gradient terms of spec §5.1 (code field names), for player P with other player O.
/// Each is <c>grad_P( a · sg(b) )</c>:
/// <list type="bullet">
/// <item><see cref="SelfNorm"/>: a = b = grad_P L_P, i.e. <c>1/2 grad_P ||grad_P L_P||^2</c> (= f_phi f for phi, §1.2);</item>
/// <item><see cref="OtherNorm"/>: a = b = grad_O L_O, i.e. <c>1/2 grad_P ||grad_O L_O||^2</c>;</item>
/// <item><see cref="OtherDotProduct"/>: a = grad_O L_P, b = grad_O L_O (the interaction term, = f_theta g for phi, §1.2).</item>
/// </list></summary>
public enum GradientTerm { SelfNorm, OtherNorm, OtherDotProduct }

/// <summary>How the two factors of a term are estimated from a batch (spec §5.3).</summary>
public enum TermEstimator
{
    /// <summary>Both factors on the same batch (biased; the code's <c>biased_estimate_grad_fn</c>).</summary>
    SameBatch,
    /// <summary>The differentiated factor on the first half of the batch and the stop-gradient factor on the
    /// second half, with independent latents (unbiased; the code's <c>unbiased_estimate_fn_lowest_variance</c>).</summary>
    SplitBatch,
}
