using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>The penalty terms of a <see cref="ToyRegularisation"/> on the tensor path: added to (f, g) at a point where
/// phi and theta require grad, by exact double backprop (differentiable again with <c>createGraph</c>).</summary>
internal static class ToyPenalties
{
    public static (Tensor? F, Tensor? G) Apply(ToyRegularisation reg, Tensor phi, Tensor theta, Tensor? f, Tensor? g,
        Tensor fullF, Tensor fullG, bool createGraph)
    {
        if (reg.PenaltyGamma != 0 && f is not null) f = f - reg.PenaltyGamma * phi;
        if (reg.Consensus == 0 && reg.Sga == 0) return (f, g);
        var inputs = new[] { phi, theta };
        // Sum over configurations: rows never interact, so each row's gradient is its own.
        var byF = Grad(0.5 * fullF.Square().Sum(), inputs, createGraph); // (grad_phi ½|f|², grad_theta ½|f|²)
        var byG = Grad(0.5 * fullG.Square().Sum(), inputs, createGraph); // (grad_phi ½|g|², grad_theta ½|g|²)
        if (f is not null) f = f - reg.Consensus * (byF[0] + byG[0]) - reg.Sga * byG[0];
        if (g is not null) g = g - reg.Consensus * (byG[1] + byF[1]) - reg.Sga * byF[1];
        return (f, g);
    }

    private static Tensor[] Grad(Tensor scalar, Tensor[] inputs, bool createGraph)
    {
        if (!scalar.RequiresGrad) return inputs.Select(torch.ZerosLike).ToArray(); // a constant field (no dependence)
        var g = Autograd.Grad(scalar, inputs, retainGraph: true, createGraph: createGraph, allowUnused: true);
        return g.Select((t, i) => t ?? torch.ZerosLike(inputs[i])).ToArray();
    }
}
