using GameDrift.Torch;

namespace GameDrift.Games.Toys;

/// <summary>The bilinear zero-sum game E = phi^T B theta with L1 = E, L2 = -E (spec T4: phi minimises E).
/// So f = -B theta and g = B^T phi; the equilibrium is the origin.</summary>
public sealed class BilinearGame : IDifferentiableToyGame, IClosedFormField
{
    private readonly double[,] b;
    private readonly Tensor bt; // B^T, so that B theta = theta @ B^T on rows

    /// <param name="b">The coupling matrix, dim(phi) x dim(theta).</param>
    public BilinearGame(double[,] b)
    {
        if (b.GetLength(0) == 0 || b.GetLength(1) == 0) throw new ArgumentException("the coupling matrix B must not be empty", nameof(b));
        this.b = (double[,])b.Clone();
        using var m = torch.Tensor(this.b);
        bt = m.T().Contiguous().DetachFromDisposeScope();
    }

    /// <summary>The scalar game E = c * phi * theta.</summary>
    public BilinearGame(double coupling = 1.0) : this(new[,] { { coupling } }) { }

    public string Name => "bilinear";
    public int PhiDim => b.GetLength(0);
    public int ThetaDim => b.GetLength(1);
    public double[]? Equilibrium => new double[PhiDim + ThetaDim];

    /// <summary>A copy of B.</summary>
    public double[,] Coupling => (double[,])b.Clone();

    /// <summary>f = -B theta, g = B^T phi, written out rather than by autograd of the losses (<see cref="LossFields"/>):
    /// `toy` on this game runs 1.5x faster so.</summary>
    public (Tensor F, Tensor G) Field(Tensor phi, Tensor theta)
    {
        using var bTheta = theta.Matmul(bt);
        using var b2 = bt.T();
        return (-bTheta, phi.Matmul(b2));
    }

    public (Tensor L1, Tensor L2) Losses(Tensor phi, Tensor theta)
    {
        using var bTheta = theta.Matmul(bt);
        using var prod = phi * bTheta;
        var e = prod.Sum(-1);
        return (e, -e);
    }

    public void Field(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, Span<double> f, Span<double> g)
    {
        int n = PhiDim, m = ThetaDim;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < m; j++) s += b[i, j] * theta[j];
            f[i] = -s;
        }
        for (int j = 0; j < m; j++)
        {
            double s = 0;
            for (int i = 0; i < n; i++) s += b[i, j] * phi[i];
            g[j] = s;
        }
    }

    /// <summary>The field is linear, so its Jacobian-vector product is the field at the tangent.</summary>
    public void Jvp(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> dPhi, ReadOnlySpan<double> dTheta,
        Span<double> df, Span<double> dg) => Field(dPhi, dTheta, df, dg);
}
