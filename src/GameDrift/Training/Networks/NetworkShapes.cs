using GameDrift.Data;
using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Training.Networks;

/// <summary>Checks before training that the generator maps latents (N, latent_dim) to images of the data's shape and
/// the discriminator maps those to one logit each, so a mismatch is one line naming both shapes, not a libtorch
/// error deep in the first step.</summary>
internal static class NetworkShapes
{
    public static void Check(RunConfig config, Module generator, Module discriminator, ImageDataset data, Device device)
    {
        var (gTraining, dTraining) = (generator.IsTraining, discriminator.IsTraining);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        using var rng = new Generator(0);
        generator.Eval();
        discriminator.Eval();
        try
        {
            var z = torch.Randn(new long[] { 2, config.LatentDim }, rng, ScalarType.Float32, device);
            var x = Run(() => generator.Forward(z), $"the generator of game '{config.Game}' fails on latents of shape [2, {config.LatentDim}] (config key latent_dim)");
            long[] want = [2, data.Channels, data.Height, data.Width];
            if (!x.Shape.SequenceEqual(want))
                throw new ArgumentException($"game '{config.Game}': the generator makes images of shape [{string.Join(", ", x.Shape.Skip(1))}] " +
                    $"but the data ({config.Data}) are [{string.Join(", ", want.Skip(1))}]");
            var logits = Run(() => discriminator.Forward(x), $"the discriminator of game '{config.Game}' fails on images of shape [{string.Join(", ", want.Skip(1))}]");
            if (!(logits.Shape.SequenceEqual([2L, 1L]) || logits.Shape.SequenceEqual([2L])))
                throw new ArgumentException($"game '{config.Game}': the discriminator gives shape [{string.Join(", ", logits.Shape)}] for 2 images; expected one logit each ([2, 1])");
        }
        finally
        {
            generator.Train(gTraining);
            discriminator.Train(dTraining);
        }
    }

    private static Tensor Run(Func<Tensor> f, string what)
    {
        try { return f(); }
        catch (TorchException e) { throw new ArgumentException($"{what}: {e.Message.Split('\n')[0]}"); }
    }
}
