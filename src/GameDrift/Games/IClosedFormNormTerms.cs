namespace GameDrift.Games;

/// <summary>The gradient-norm terms of a toy game in closed form, with their tangent maps, so consensus optimisation
/// and SGA run on the fast float64 path. For the field (f, g):
/// selfPhi = grad_phi ½|f|², otherPhi = grad_phi ½|g|², selfTheta = grad_theta ½|g|², otherTheta = grad_theta ½|f|²
/// (spec §5.1's SelfNorm and OtherNorm, written with f = -grad_phi L1, g = -grad_theta L2), and each one's
/// Jacobian applied to the tangent (dPhi, dTheta).</summary>
public interface IClosedFormNormTerms : IClosedFormField
{
    /// <summary>False when this instance has no closed form (then the tensor path is used).</summary>
    bool HasNormTerms { get; }

    void NormTermsAndJvp(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> dPhi, ReadOnlySpan<double> dTheta,
        NormTerms terms);
}

/// <summary>Scratch buffers for <see cref="IClosedFormNormTerms.NormTermsAndJvp"/> (values, then tangents).</summary>
public sealed class NormTerms(int phiDim, int thetaDim)
{
    public double[] SelfPhi { get; } = new double[phiDim];
    public double[] OtherPhi { get; } = new double[phiDim];
    public double[] SelfTheta { get; } = new double[thetaDim];
    public double[] OtherTheta { get; } = new double[thetaDim];
    public double[] DSelfPhi { get; } = new double[phiDim];
    public double[] DOtherPhi { get; } = new double[phiDim];
    public double[] DSelfTheta { get; } = new double[thetaDim];
    public double[] DOtherTheta { get; } = new double[thetaDim];
}
