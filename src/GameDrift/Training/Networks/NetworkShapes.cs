using GameDrift.Data;
using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Training.Networks;

/// <summary>Checks before training that the generator maps latents (N, latent_dim) to images of the data's shape and
/// the discriminator maps those to one logit each, so a mismatch is one line naming the network (the game, or the
/// TorchScript file) and both shapes, not a libtorch error deep in the first step.</summary>
internal static class NetworkShapes
{
    public static void Check(RunConfig config, Module generator, Module discriminator, ImageDataset data, Device device) =>
        Check(config, generator, discriminator, new ImageShape(data.Channels, data.Height, data.Width), device);

    public static void Check(RunConfig config, Module generator, Module discriminator, ImageShape image, Device device)
    {
        var (gTraining, dTraining) = (generator.IsTraining, discriminator.IsTraining);
        var (g, d) = (Name(config, generator, "generator"), Name(config, discriminator, "discriminator"));
        var (gIs, dIs) = (Subject(config, generator, "generator"), Subject(config, discriminator, "discriminator"));
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        using var rng = new Generator(0);
        generator.Eval();
        discriminator.Eval();
        try
        {
            var z = torch.Randn(new long[] { 2, config.LatentDim }, rng, ScalarType.Float32, device);
            var x = Run(() => generator.Forward(z), $"{g} fails on latents of shape [2, {config.LatentDim}] (config key latent_dim)");
            long[] want = [2, image.Channels, image.Height, image.Width];
            if (!x.Shape.SequenceEqual(want))
                throw new ArgumentException($"{gIs} makes images of shape [{string.Join(", ", x.Shape.Skip(1))}] " +
                    $"but the data ({config.Data}) are [{string.Join(", ", want.Skip(1))}]");
            var logits = Run(() => discriminator.Forward(x), $"{d} fails on images of shape [{string.Join(", ", want.Skip(1))}]");
            if (!(logits.Shape.SequenceEqual([2L, 1L]) || logits.Shape.SequenceEqual([2L])))
                throw new ArgumentException($"{dIs} gives shape [{string.Join(", ", logits.Shape)}] for 2 images; expected one logit each ([2, 1])");
        }
        finally
        {
            generator.Train(gTraining);
            discriminator.Train(dTraining);
        }
    }

    // "the generator of game 'x'", or "the generator in TorchScript file /path/G.pt (config key generator_script)".
    private static string Name(RunConfig config, Module m, string role) => m is ScriptedModule s
        ? $"the {role} in TorchScript file {s.FilePath} (config key {role}_script)"
        : $"the {role} of game '{config.Game}'";

    // The subject of a shape complaint: "game 'x': the generator", or the TorchScript file as above.
    private static string Subject(RunConfig config, Module m, string role) =>
        m is ScriptedModule ? Name(config, m, role) : $"game '{config.Game}': the {role}";

    private static Tensor Run(Func<Tensor> f, string what)
    {
        try { return f(); }
        catch (TorchException e) { throw new ArgumentException($"{what}: {FirstLine(e.Message)}"); }
    }

    // A ScriptedModule's error already starts with the line that says what went wrong.
    private static string FirstLine(string message) => message.Split('\n')[0];
}
