using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Training.Networks;

/// <summary>Config keys <c>generator_script</c> / <c>discriminator_script</c>: a player written in PyTorch and saved as
/// TorchScript replaces the game's own (its weights come from the file, not from the run's seed); the game still
/// supplies the data and the other player.</summary>
public static class ScriptedNetworks
{
    /// <summary>The game with its players replaced by the config's TorchScript files, if it names any.</summary>
    public static GameDefinition Apply(RunConfig config, GameDefinition game)
    {
        var (g, d) = (!string.IsNullOrWhiteSpace(config.GeneratorScript), !string.IsNullOrWhiteSpace(config.DiscriminatorScript));
        if (!g && !d) return game;
        return game with
        {
            CreateGenerator = g ? (c, _) => Load(c, "generator_script", c.GeneratorScript) : game.CreateGenerator,
            CreateDiscriminator = d ? (c, _) => Load(c, "discriminator_script", c.DiscriminatorScript) : game.CreateDiscriminator,
        };
    }

    /// <summary>Loads one file onto the run's device; a missing or unreadable file is one line naming the key and the file.</summary>
    public static ScriptedModule Load(RunConfig config, string key, string path)
    {
        try { return new ScriptedModule(path, RunDevice.Resolve(config.Device)); }
        catch (FileNotFoundException e) { throw new FileNotFoundException($"config key '{key}': {e.Message}", path); }
        catch (TorchException e) { throw new ArgumentException($"config key '{key}': {e.Message}"); }
    }

    /// <summary>Loads the config's TorchScript files and checks their shapes against <paramref name="image"/>, so a
    /// run handed to a cluster fails before it is queued. Does nothing when the config names no file.</summary>
    public static void Preflight(RunConfig config, GameDefinition game, Data.ImageShape? image)
    {
        if (string.IsNullOrWhiteSpace(config.GeneratorScript) && string.IsNullOrWhiteSpace(config.DiscriminatorScript)) return;
        using var rng = new Torch.Generator(0);
        using var generator = game.CreateGenerator(config, rng);
        using var discriminator = game.CreateDiscriminator(config, rng);
        if (image is { } shape) NetworkShapes.Check(config, generator, discriminator, shape, RunDevice.Resolve(config.Device));
    }
}
