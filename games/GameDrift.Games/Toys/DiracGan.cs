using GameDrift.Losses;
using GameDrift.Torch;

namespace GameDrift.Games.Toys;

/// <summary>The Dirac-GAN in the spec's §7.7 code convention: D(x) = phi*x, G = theta, data at 0,
/// L1 = -E (discriminator), L2 = E (generator; the non-saturating variant swaps L2 for -log sigmoid(phi*theta)).
/// Both players are scalars; the equilibrium is (0, 0).</summary>
public sealed class DiracGan : IDifferentiableToyGame, IClosedFormNormTerms, ILinearDiscriminatorGame
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

    /// <summary>The same game as a GAN of the training path (<see cref="GanGame"/>): the discriminator D(x) = phi x, the
    /// generator G(z) = theta, trained on <see cref="DataBatches"/> (data at 0) with the matching <see cref="GanLoss"/>.
    /// phi and theta ([1] each, float64, requiring gradients) are updated in place. Its losses equal <see cref="Losses"/>
    /// (L1 = softplus(phi theta) + log 2 for the standard loss), so a scheme gives the toy path's iterates.</summary>
    public GanGame AsGan(Tensor phi, Tensor theta)
    {
        if (phi.Shape is not [1] || theta.Shape is not [1])
            throw new ArgumentException($"the Dirac-GAN as a GAN needs phi and theta of shape [1]; got [{string.Join(", ", phi.Shape)}] and [{string.Join(", ", theta.Shape)}]");
        var loss = Loss switch
        {
            DiracLoss.Standard => GanLoss.Saturating,
            DiracLoss.NonSaturating => GanLoss.NonSaturating,
            _ => GanLoss.Wasserstein,
        };
        return new GanGame(x => Discriminator(x, phi), new[] { phi }, z => Generator(z, theta), new[] { theta }, loss);
    }

    /// <summary>The Dirac-GAN's discriminator D(x) = phi x on a batch of points [n, 1], in float64.</summary>
    public static Tensor Discriminator(Tensor x, Tensor phi) => ILinearDiscriminatorGame.Linear(x.To(ScalarType.Float64), phi);

    /// <summary>The Dirac-GAN's generator G(z) = theta for every latent of a batch [n, k]: one point per row, the latent
    /// not read.</summary>
    public static Tensor Generator(Tensor z, Tensor theta) => z.Narrow(1, 0, 1).To(ScalarType.Float64) * 0.0 + theta;

    /// <summary>Batches for <see cref="AsGan"/>: n data points (all at 0) and n latents (unused by G).</summary>
    public static IBatchSource DataBatches(int n = 4) => new BatchSource(() => new GameBatch(
        torch.Zeros(new long[] { n, 1 }, ScalarType.Float64, null, false), torch.Zeros(new long[] { n, 1 }, ScalarType.Float64, null, false)));

    public int PhiDim => 1;
    public int ThetaDim => 1;
    public double[]? Equilibrium => new[] { 0.0, 0.0 };

    /// <summary>f'(0) of the GAN function: the coupling at the equilibrium (Jacobian [[0, -c], [c, 0]], §7.2).</summary>
    public double Coupling => Loss == DiracLoss.Wasserstein ? 1.0 : 0.5;

    /// <summary>§7.7: with s = sigmoid(phi*theta), f = -s*theta and g = s*phi (standard);
    /// g = (1 - s)*phi (non-saturating); f = -theta, g = phi (WGAN). The losses' gradients written out rather than by
    /// autograd (<see cref="LossFields"/>): the tensor path's 10^4 x 10^3 sweep runs 1.4x faster so; tested equal.</summary>
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

    /// <summary>Closed-form norm terms for the standard and WGAN losses (the non-saturating one uses the tensor path).</summary>
    public bool HasNormTerms => Loss != DiracLoss.NonSaturating;

    /// <summary>Standard loss, x = phi, y = theta, s = sigmoid(xy), a = s s' (s' = s(1 - s)), a' = da/d(xy) = s s' (2 - 3s):
    /// grad_x ½f² = a y³, grad_x ½g² = a x² y + s² x, grad_y ½g² = a x³, grad_y ½f² = a x y² + s² y (§7.7 table).
    /// WGAN (f = -y, g = x): 0, x, 0, y.</summary>
    public void NormTermsAndJvp(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> dPhi, ReadOnlySpan<double> dTheta,
        NormTerms t)
    {
        double x = phi[0], y = theta[0], dx = dPhi[0], dy = dTheta[0];
        if (Loss == DiracLoss.NonSaturating) throw new NotSupportedException("the non-saturating Dirac-GAN has no closed-form norm terms here");
        if (Loss == DiracLoss.Wasserstein)
        {
            t.SelfPhi[0] = 0; t.OtherPhi[0] = x; t.SelfTheta[0] = 0; t.OtherTheta[0] = y;
            t.DSelfPhi[0] = 0; t.DOtherPhi[0] = dx; t.DSelfTheta[0] = 0; t.DOtherTheta[0] = dy;
            return;
        }
        double s = Sigmoid(x * y), sp = s * (1 - s), a = s * sp, ap = a * (2 - 3 * s), s2 = s * s;
        t.SelfPhi[0] = a * y * y * y;
        t.OtherPhi[0] = a * x * x * y + s2 * x;
        t.SelfTheta[0] = a * x * x * x;
        t.OtherTheta[0] = a * x * y * y + s2 * y;
        double mixed = ap * x * x * y * y + 4 * a * x * y + s2; // d(OtherPhi)/dx = d(OtherTheta)/dy
        t.DSelfPhi[0] = ap * y * y * y * y * dx + (ap * x * y * y * y + 3 * a * y * y) * dy;
        t.DOtherPhi[0] = mixed * dx + (ap * x * x * x * y + 3 * a * x * x) * dy;
        t.DSelfTheta[0] = (ap * x * x * x * y + 3 * a * x * x) * dx + ap * x * x * x * x * dy;
        t.DOtherTheta[0] = (ap * x * y * y * y + 3 * a * y * y) * dx + mixed * dy;
    }

    private static double Sigmoid(double t) => 1.0 / (1.0 + Math.Exp(-t));
}
