using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>Penalties on the discriminator's input gradient (spec §7.5): they act on phi only and need a
/// <see cref="GanGame"/>. The penalty is built on its own graph and differentiated once more w.r.t. phi.</summary>
public abstract class GradientPenalty : IRegulariser
{
    public abstract string Name { get; }

    public void Check(ITwoPlayerGame game, SchemeKind scheme) => RegulariserChecks.Gan(game, Name);

    public IReadOnlyList<Tensor>? Gradient(GameEvaluation ev, SchemeInfo scheme, PlayerRole player)
    {
        if (player != PlayerRole.Phi) return null;
        var gan = RegulariserChecks.Gan(ev.Game, Name);
        var (real, latents) = GanGame.Require(ev.Batch);
        var penalty = Penalty(gan, real, latents);
        var phi = gan.Phi.Parameters;
        return GradientMath.ZerosForUnused(Autograd.Grad(penalty, phi, allowUnused: true), phi);
    }

    /// <summary>The scalar penalty, differentiable in phi.</summary>
    protected abstract Tensor Penalty(GanGame gan, Tensor real, Tensor latents);

    /// <summary>Per-sample grad_x D(x) at the given inputs, kept on the graph, flattened to [N, features].</summary>
    protected static Tensor InputGradient(GanGame gan, Tensor x)
    {
        var input = x.Detach().RequiresGrad_();
        var d = gan.Discriminator(input);
        // Samples are independent, so the gradient of the sum holds each sample's own input gradient.
        var g = Autograd.Grad(d.Sum(), new[] { input }, createGraph: true)[0]!;
        return g.Flatten(1);
    }

    protected static Tensor Fakes(GanGame gan, Tensor latents)
    {
        using var _ = torch.NoGrad();
        return gan.Generator(latents);
    }
}

/// <summary>R1 (Mescheder et al. 2018): <c>gamma/2 E_real ||grad_x D(x)||^2</c> on the discriminator.
/// ([M18]'s training code writes <c>reg_param * E||grad D||^2</c>, so reg_param = gamma/2, spec D10.)</summary>
public sealed class R1Penalty(double gamma) : GradientPenalty
{
    public double Gamma { get; } = RegulariserChecks.NonNegative(gamma, "R1 gamma");
    public override string Name => $"r1={Gamma}";

    protected override Tensor Penalty(GanGame gan, Tensor real, Tensor latents) =>
        InputGradient(gan, real).Square().Sum(1, false).Mean() * (Gamma / 2);
}

/// <summary>R2: <c>gamma/2 E_fake ||grad_x D(x)||^2</c> at generated samples (held fixed), on the discriminator.</summary>
public sealed class R2Penalty(double gamma) : GradientPenalty
{
    public double Gamma { get; } = RegulariserChecks.NonNegative(gamma, "R2 gamma");
    public override string Name => $"r2={Gamma}";

    protected override Tensor Penalty(GanGame gan, Tensor real, Tensor latents) =>
        InputGradient(gan, Fakes(gan, latents)).Square().Sum(1, false).Mean() * (Gamma / 2);
}

/// <summary>WGAN-GP (Gulrajani et al. 2017): <c>lambda E (||grad_x D(x_hat)|| - 1)^2</c> at
/// <c>x_hat = e x_real + (1 - e) x_fake</c>, e ~ U[0, 1] per sample from <paramref name="generator"/>.</summary>
public sealed class WganGradientPenalty(double lambda, Generator? generator = null) : GradientPenalty
{
    public double Lambda { get; } = RegulariserChecks.NonNegative(lambda, "WGAN-GP lambda");
    public override string Name => $"wgan-gp={Lambda}";

    protected override Tensor Penalty(GanGame gan, Tensor real, Tensor latents)
    {
        var fake = Fakes(gan, latents);
        var shape = new long[real.Dim];
        shape[0] = real.Size(0);
        for (var i = 1; i < shape.Length; i++) shape[i] = 1;
        var e = torch.Rand(shape, generator, real.DType, real.Device);
        var xHat = e * real + (1.0 - e) * fake;
        var norm = InputGradient(gan, xHat).Norm(2, new long[] { 1 });
        return (norm - 1.0).Square().Mean() * Lambda;
    }
}
