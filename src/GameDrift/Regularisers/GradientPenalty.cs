using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>Penalties on the discriminator's input gradient (spec §7.5): they act on phi only and need an
/// <see cref="IDiscriminatorGame"/> (a GAN, or toy configurations with a linear discriminator). The penalty is built on its
/// own graph and differentiated once more w.r.t. phi (on the graph itself when the evaluation keeps its terms there).</summary>
public abstract class GradientPenalty : IRegulariser
{
    public abstract string Name { get; }

    public void Check(ITwoPlayerGame game, SchemeKind scheme) => RegulariserChecks.Discriminator(game, Name);

    public IReadOnlyList<Tensor>? Gradient(GameEvaluation ev, SchemeInfo scheme, PlayerRole player)
    {
        if (player != PlayerRole.Phi) return null;
        var game = RegulariserChecks.Discriminator(ev.Game, Name);
        var phi = ev.Phi;
        var penalty = Penalty(game, ev);
        return GradientMath.ZerosForUnused(Autograd.Grad(penalty, phi, createGraph: ev.TermsOnGraph, allowUnused: true), phi);
    }

    /// <summary>The scalar penalty, differentiable in phi.</summary>
    protected abstract Tensor Penalty(IDiscriminatorGame game, GameEvaluation ev);

    /// <summary>Per-sample grad_x D(x) at the given inputs, kept on the graph, flattened to [configurations..., n, features].</summary>
    protected static Tensor InputGradient(IDiscriminatorGame game, GameEvaluation ev, Tensor x)
    {
        var input = x.Detach().RequiresGrad_();
        var d = game.Discriminator(ev.Phi, input);
        // Samples are independent, so the gradient of the sum holds each sample's own input gradient.
        var g = Autograd.Grad(d.Sum(), new[] { input }, createGraph: true)[0]!;
        return g.Flatten(game.ConfigurationDims(ev.Phi) + 1);
    }

    /// <summary>The mean over each configuration's samples (the last dimension), summed over configurations.</summary>
    protected static Tensor SampleMean(Tensor perSample) => perSample.Mean(-1).Sum();
}

/// <summary>R1 (Mescheder et al. 2018): <c>gamma/2 E_real ||grad_x D(x)||^2</c> on the discriminator.
/// ([M18]'s training code writes <c>reg_param * E||grad D||^2</c>, so reg_param = gamma/2, spec D10.)</summary>
public sealed class R1Penalty(double gamma) : GradientPenalty
{
    public double Gamma { get; } = RegulariserChecks.NonNegative(gamma, "R1 gamma");
    public override string Name => $"r1={Gamma}";

    protected override Tensor Penalty(IDiscriminatorGame game, GameEvaluation ev) =>
        SampleMean(InputGradient(game, ev, game.Real(ev.Phi, ev.Batch)).Square().Sum(-1, false)) * (Gamma / 2);
}

/// <summary>R2: <c>gamma/2 E_fake ||grad_x D(x)||^2</c> at generated samples (held fixed), on the discriminator.</summary>
public sealed class R2Penalty(double gamma) : GradientPenalty
{
    public double Gamma { get; } = RegulariserChecks.NonNegative(gamma, "R2 gamma");
    public override string Name => $"r2={Gamma}";

    protected override Tensor Penalty(IDiscriminatorGame game, GameEvaluation ev) =>
        SampleMean(InputGradient(game, ev, game.Fake(ev.Theta, ev.Batch)).Square().Sum(-1, false)) * (Gamma / 2);
}

/// <summary>WGAN-GP (Gulrajani et al. 2017): <c>lambda E (||grad_x D(x_hat)|| - 1)^2</c> at
/// <c>x_hat = e x_real + (1 - e) x_fake</c>, e ~ U[0, 1] per sample from <paramref name="generator"/>.</summary>
public sealed class WganGradientPenalty(double lambda, Generator? generator = null) : GradientPenalty
{
    public double Lambda { get; } = RegulariserChecks.NonNegative(lambda, "WGAN-GP lambda");
    public override string Name => $"wgan-gp={Lambda}";

    protected override Tensor Penalty(IDiscriminatorGame game, GameEvaluation ev)
    {
        var (real, fake) = (game.Real(ev.Phi, ev.Batch), game.Fake(ev.Theta, ev.Batch));
        var samples = game.ConfigurationDims(ev.Phi) + 1; // one e per sample of each configuration
        var shape = new long[real.Dim];
        for (var i = 0; i < shape.Length; i++) shape[i] = i < samples ? real.Size(i) : 1;
        var e = torch.Rand(shape, generator, real.DType, real.Device);
        var xHat = e * real + (1.0 - e) * fake;
        var norm = InputGradient(game, ev, xHat).Norm(2, new long[] { -1 });
        return SampleMean((norm - 1.0).Square()) * Lambda;
    }
}
