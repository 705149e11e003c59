using GameDrift.Torch;

namespace GameDrift.Games.Toys;

/// <summary>The 2-D linear "high rotational field" of spec §3.5 / T7, in vector-field form (not a gradient game):
/// f = -e1*x + y, g = -x - e2*y with x = phi, y = theta. Eigenvalues of J are -e ± i when e1 = e2 = e.</summary>
public sealed class RotationalGame : IVectorFieldGame, IClosedFormField
{
    public RotationalGame(double epsilon1 = 0.09, double epsilon2 = 0.09)
    {
        Epsilon1 = epsilon1;
        Epsilon2 = epsilon2;
    }

    public double Epsilon1 { get; }
    public double Epsilon2 { get; }
    public string Name => "rotational";
    public int PhiDim => 1;
    public int ThetaDim => 1;
    public double[]? Equilibrium => new[] { 0.0, 0.0 };

    public (Tensor F, Tensor G) Field(Tensor phi, Tensor theta)
    {
        using var a = phi * (-Epsilon1);
        using var c = theta * (-Epsilon2);
        return (a + theta, c - phi);
    }

    public void Field(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, Span<double> f, Span<double> g)
    {
        f[0] = phi[0] * -Epsilon1 + theta[0];
        g[0] = theta[0] * -Epsilon2 - phi[0];
    }

    public void Jvp(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> dPhi, ReadOnlySpan<double> dTheta,
        Span<double> df, Span<double> dg) => Field(dPhi, dTheta, df, dg);
}
