using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace OwnNetworks;

/// <summary>A generator written from scratch: z → MLP → (N, 1, 28, 28). Layers are registered by name, so the
/// state dict (and therefore checkpoints) reads "fc1.weight", "norm.running_mean", ...</summary>
public sealed class MlpGenerator : Module
{
    private readonly Linear fc1, fc2;
    private readonly BatchNorm1d norm;

    /// <param name="rng">initialises the weights; the trainer passes one seeded from the run's seed.</param>
    public MlpGenerator(long latentDim, long hidden, Generator? rng = null)
    {
        fc1 = RegisterModule("fc1", new Linear(latentDim, hidden, generator: rng));
        norm = RegisterModule("norm", new BatchNorm1d(hidden));
        fc2 = RegisterModule("fc2", new Linear(hidden, 28 * 28, generator: rng));
    }

    public override Tensor Forward(Tensor z) =>
        fc2.Forward(norm.Forward(fc1.Forward(z)).Relu()).Tanh().View(-1, 1, 28, 28);
}

/// <summary>A discriminator written from scratch: one strided convolution, then a linear layer to one logit per
/// image. No batch norm, so each image's logit depends on that image only (the drift regulariser differentiates
/// through the discriminator twice).</summary>
public sealed class ConvDiscriminator : Module
{
    private readonly Conv2d conv;
    private readonly Linear head;

    public ConvDiscriminator(long width, Generator? rng = null)
    {
        conv = RegisterModule("conv", new Conv2d(1, width, 4, stride: 2, padding: 1, generator: rng)); // 28 → 14
        head = RegisterModule("head", new Linear(width * 14 * 14, 1, generator: rng));
    }

    public override Tensor Forward(Tensor x) => head.Forward(conv.Forward(x).LeakyRelu(0.2).Flatten(1));
}
