using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Games.Mixture;

/// <summary>The small MLP generator and discriminator for 2-D data.</summary>
public static class MogGan
{
    /// <summary>z [N, latent] → x [N, 2]: <paramref name="layers"/> hidden ReLU layers, linear output.</summary>
    public static Module Generator(int latentDim, int hidden, int layers, Generator? rng = null) => Mlp(latentDim, hidden, layers, 2, rng);

    /// <summary>x [N, 2] → logits [N, 1]: <paramref name="layers"/> hidden ReLU layers, linear output (samples stay
    /// independent, as the gradient penalties and the drift terms need).</summary>
    public static Module Discriminator(int hidden, int layers, Generator? rng = null) => Mlp(2, hidden, layers, 1, rng);

    private static Module Mlp(int input, int hidden, int layers, int output, Generator? rng)
    {
        var seq = new Sequential();
        long width = input;
        for (int i = 0; i < layers; i++)
        {
            seq.Append(new Linear(width, hidden, generator: rng)).Append(new ReLU());
            width = hidden;
        }
        return seq.Append(new Linear(width, output, generator: rng));
    }
}
