namespace GameDrift.Torch.nn;

/// <summary>Spectral normalisation (Miyato et al., 2018; torch.nn.utils.spectral_norm): the layer uses
/// W / sigma(W), where sigma is the largest singular value of W reshaped to a matrix (dimension
/// <see cref="Dim"/> first: 0, or 1 for ConvTranspose2d), estimated by power iteration:
/// <code>
///   v ← normalize(Wᵀu),  u ← normalize(W v)     (NPowerIterations times, training mode only, no grad)
///   sigma = uᵀ W v                               (with grad through W, so double backprop works)
/// </code>
/// normalize(x) = x / max(‖x‖, eps). The layer keeps the raw weight as parameter <c>weight_orig</c> and the
/// vectors as buffers <c>weight_u</c> and <c>weight_v</c>, as PyTorch does.</summary>
public sealed class SpectralNorm : IWeightReparametrization
{
    private SpectralNorm(int nPowerIterations, double eps, int dim) =>
        (NPowerIterations, Eps, Dim) = (nPowerIterations, eps, dim);

    public int NPowerIterations { get; }
    public double Eps { get; }
    /// <summary>The weight dimension that indexes outputs (the matrix rows).</summary>
    public int Dim { get; }

    /// <summary>Spectrally normalises <paramref name="module"/>'s weight and returns the module. u and v start
    /// as normalised N(0, 1) draws (u first), as in PyTorch.</summary>
    public static T Apply<T>(T module, int nPowerIterations = 1, double eps = 1e-12, int? dim = null, Generator? generator = null)
        where T : WeightedModule
    {
        if (module.Reparametrization is not null)
            throw new InvalidOperationException($"{module.GetType().Name} already has a weight reparametrization ({module.Reparametrization.GetType().Name})");
        if (nPowerIterations < 0) throw new ArgumentOutOfRangeException(nameof(nPowerIterations), "the number of power iterations must be non-negative");
        if (eps <= 0) throw new ArgumentOutOfRangeException(nameof(eps), "eps must be positive");
        var sn = new SpectralNorm(nPowerIterations, eps, dim ?? (module is ConvTranspose2d ? 1 : 0));
        var w = module.Weight;
        Tensor u, v;
        using (var scope = torch.NewDisposeScope())
        using (torch.NoGrad())
        {
            var mat = sn.Matrix(w);
            u = sn.Normalize(torch.Empty(new[] { mat.Size(0) }, w.DType, w.Device).Normal_(0, 1, generator)).MoveToOuterDisposeScope();
            v = sn.Normalize(torch.Empty(new[] { mat.Size(1) }, w.DType, w.Device).Normal_(0, 1, generator)).MoveToOuterDisposeScope();
        }
        var requiresGrad = w.RequiresGrad;
        module.RemoveParameter("weight");
        module.RegisterParameter("weight_orig", w, requiresGrad);
        module.RegisterBuffer("weight_u", u);
        module.RegisterBuffer("weight_v", v);
        module.Reparametrization = sn;
        return module;
    }

    /// <summary>Undoes <see cref="Apply"/>: the current normalised weight becomes the plain <c>weight</c>
    /// parameter again (the same tensor object) and the buffers are freed.</summary>
    public static T Remove<T>(T module) where T : WeightedModule
    {
        if (module.Reparametrization is not SpectralNorm sn)
            throw new InvalidOperationException($"{module.GetType().Name} is not spectrally normalised");
        using (torch.NoGrad())
        using (var w = sn.Compute(module, powerIterate: false))
            module.Weight.Copy_(w);
        var requiresGrad = module.Weight.RequiresGrad;
        module.RemoveParameter("weight_orig");
        module.RemoveBuffer("weight_u").Dispose();
        module.RemoveBuffer("weight_v").Dispose();
        module.RegisterParameter("weight", module.Weight, requiresGrad);
        module.Reparametrization = null;
        return module;
    }

    /// <summary>W / sigma, running the power iterations first when the module is in training mode.</summary>
    public Tensor Compute(WeightedModule module) => Compute(module, module.IsTraining);

    private Tensor Compute(WeightedModule module, bool powerIterate)
    {
        using var scope = torch.NewDisposeScope();
        if (powerIterate) PowerIterate(module);
        return (module.Weight / Sigma(module)).MoveToOuterDisposeScope();
    }

    /// <summary>sigma = uᵀ W v from the current u and v (no iteration), differentiable with respect to W.</summary>
    public Tensor Sigma(WeightedModule module)
    {
        using var scope = torch.NewDisposeScope();
        // Clones, because the next training forward updates u and v in place while this graph may still need them.
        var u = module.GetBuffer("weight_u").Clone();
        var v = module.GetBuffer("weight_v").Clone();
        return u.Dot(Matrix(module.Weight).Matmul(v)).MoveToOuterDisposeScope();
    }

    /// <summary>Runs <see cref="NPowerIterations"/> power iterations, updating weight_u and weight_v in place.</summary>
    public void PowerIterate(WeightedModule module, int? iterations = null)
    {
        var u = module.GetBuffer("weight_u");
        var v = module.GetBuffer("weight_v");
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        var mat = Matrix(module.Weight);
        var matT = mat.T();
        for (var i = 0; i < (iterations ?? NPowerIterations); i++)
        {
            v.Copy_(Normalize(matT.Matmul(u)));
            u.Copy_(Normalize(mat.Matmul(v)));
        }
    }

    private Tensor Matrix(Tensor weight)
    {
        var w = weight;
        if (Dim != 0)
        {
            var order = new[] { (long)Dim }.Concat(Enumerable.Range(0, w.Dim).Where(d => d != Dim).Select(d => (long)d)).ToArray();
            w = w.Permute(order);
        }
        return w.Reshape(w.Size(0), -1);
    }

    private Tensor Normalize(Tensor x) => x / x.Norm().ClampMin(Eps);
}
