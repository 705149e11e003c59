using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>The four first-order drift terms at (phi, theta) (spec §1.1, §3.2): the self terms f_phi f, g_theta g
/// and the interaction terms f_theta g, g_phi f, with the field (f, g) they were built from. Batched: each has the
/// shape of its player.</summary>
public sealed record DriftTerms(Tensor F, Tensor G, Tensor FphiF, Tensor FthetaG, Tensor GphiF, Tensor GthetaG)
{
    /// <summary>Computes the terms as Jacobian-vector products by double backprop. <paramref name="phi"/> and
    /// <paramref name="theta"/> must require grad. With <paramref name="createGraph"/> the terms stay differentiable
    /// (needed to differentiate a regularised update); otherwise the vectors multiplied are constants.</summary>
    public static DriftTerms Compute(IVectorFieldGame game, Tensor phi, Tensor theta, bool createGraph = false)
    {
        var (f, g) = game.Field(phi, theta);
        return FromField(f, g, phi, theta, createGraph);
    }

    /// <summary>The terms from an already evaluated field (f, g) = Field(phi, theta).</summary>
    public static DriftTerms FromField(Tensor f, Tensor g, Tensor phi, Tensor theta, bool createGraph)
    {
        using var fv = createGraph ? f.Alias() : f.Detach();
        using var gv = createGraph ? g.Alias() : g.Detach();
        return new DriftTerms(f, g,
            Autodiff.Jvp(f, phi, fv, createGraph),
            Autodiff.Jvp(f, theta, gv, createGraph),
            Autodiff.Jvp(g, phi, fv, createGraph),
            Autodiff.Jvp(g, theta, gv, createGraph));
    }

    /// <summary>Only the terms the first player's update needs: f_phi f and f_theta g (the other two are null!).</summary>
    internal static (Tensor FphiF, Tensor FthetaG) ForPhi(Tensor f, Tensor g, Tensor phi, Tensor theta, bool createGraph)
    {
        using var fv = createGraph ? f.Alias() : f.Detach();
        using var gv = createGraph ? g.Alias() : g.Detach();
        return (Autodiff.Jvp(f, phi, fv, createGraph), Autodiff.Jvp(f, theta, gv, createGraph));
    }

    /// <summary>Only g_phi f and g_theta g.</summary>
    internal static (Tensor GphiF, Tensor GthetaG) ForTheta(Tensor f, Tensor g, Tensor phi, Tensor theta, bool createGraph)
    {
        using var fv = createGraph ? f.Alias() : f.Detach();
        using var gv = createGraph ? g.Alias() : g.Detach();
        return (Autodiff.Jvp(g, phi, fv, createGraph), Autodiff.Jvp(g, theta, gv, createGraph));
    }
}
