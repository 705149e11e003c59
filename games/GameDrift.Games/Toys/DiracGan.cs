using GameDrift.Torch;

namespace GameDrift.Games.Toys;

/// <summary>The Dirac-GAN in the spec's §7.7 code convention: D(x) = phi*x, G = theta, data at 0,
/// L1 = -E (discriminator), L2 = E (generator; the non-saturating variant swaps L2 for -log sigmoid(phi*theta)).
/// Both players are scalars; the equilibrium is (0, 0).</summary>
public sealed class DiracGan : IDifferentiableToyGame, IClosedFormField
{
    private static readonly double Log2 = Math.Log(2);

    public DiracGan(DiracLoss loss = DiracLoss.Standard) => Loss = loss;

    public DiracLoss Loss { get; }

    public string Name => Loss switch
    {
        DiracLoss.Standard => "dirac",
        DiracLoss.NonSaturating => "dirac-ns",
        _ => "dirac-wgan",
    };

    public int PhiDim => 1;
    public int ThetaDim => 1;
    public double[]? Equilibrium => new[] { 0.0, 0.0 };

    /// <summary>f'(0) of the GAN function: the coupling at the equilibrium (Jacobian [[0, -c], [c, 0]], §7.2).</summary>
    public double Coupling => Loss == DiracLoss.Wasserstein ? 1.0 : 0.5;

    /// <summary>§7.7: with s = sigmoid(phi*theta), f = -s*theta and g = s*phi (standard);
    /// g = (1 - s)*phi (non-saturating); f = -theta, g = phi (WGAN).</summary>
    public (Tensor F, Tensor G) Field(Tensor phi, Tensor theta)
    {
        if (Loss == DiracLoss.Wasserstein) return (-theta, phi.Alias());
        using var p = phi * theta;
        using var s = p.Sigmoid();
        if (Loss == DiracLoss.Standard) return (-(s * theta), s * phi);
        using var sm = p.Neg().Sigmoid();
        return (-(s * theta), sm * phi);
    }

    /// <summary>One loss per batch entry: L1 = softplus(phi*theta) + log 2 = -E; L2 = E, or softplus(-phi*theta) (non-saturating).</summary>
    public (Tensor L1, Tensor L2) Losses(Tensor phi, Tensor theta)
    {
        using var p = (phi * theta).Sum(-1);
        if (Loss == DiracLoss.Wasserstein) return (p.Alias(), -p);
        var l1 = p.Softplus() + Log2;
        var l2 = Loss == DiracLoss.Standard ? -l1 : p.Neg().Softplus();
        return (l1, l2);
    }

    public void Field(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, Span<double> f, Span<double> g)
    {
        double x = phi[0], y = theta[0];
        if (Loss == DiracLoss.Wasserstein) { f[0] = -y; g[0] = x; return; }
        double s = Sigmoid(x * y);
        f[0] = -(s * y);
        g[0] = (Loss == DiracLoss.Standard ? s : Sigmoid(-(x * y))) * x;
    }

    public void Jvp(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> dPhi, ReadOnlySpan<double> dTheta,
        Span<double> df, Span<double> dg)
    {
        double x = phi[0], y = theta[0], dx = dPhi[0], dy = dTheta[0];
        if (Loss == DiracLoss.Wasserstein) { df[0] = -dy; dg[0] = dx; return; }
        double s = Sigmoid(x * y), ds = s * (1 - s) * (y * dx + x * dy);
        df[0] = -(ds * y + s * dy);
        // d sigmoid(-p) = -ds for the non-saturating generator.
        dg[0] = Loss == DiracLoss.Standard ? ds * x + s * dx : -ds * x + Sigmoid(-(x * y)) * dx;
    }

    public void FieldAndJvp(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> dPhi, ReadOnlySpan<double> dTheta,
        Span<double> f, Span<double> g, Span<double> df, Span<double> dg)
    {
        if (Loss != DiracLoss.Standard) { Field(phi, theta, f, g); Jvp(phi, theta, dPhi, dTheta, df, dg); return; }
        double x = phi[0], y = theta[0], dx = dPhi[0], dy = dTheta[0];
        double s = Sigmoid(x * y), ds = s * (1 - s) * (y * dx + x * dy);
        f[0] = -(s * y);
        g[0] = s * x;
        df[0] = -(ds * y + s * dy);
        dg[0] = ds * x + s * dx;
    }

    private static double Sigmoid(double t) => 1.0 / (1.0 + Math.Exp(-t));
}
