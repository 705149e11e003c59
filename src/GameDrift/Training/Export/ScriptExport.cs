using GameDrift.Training.Networks;

namespace GameDrift.Training.Export;

/// <summary><c>gamedrift export --format torchscript</c>: the players a run took from TorchScript files (config keys
/// <c>generator_script</c>, <c>discriminator_script</c>) written back as TorchScript with the checkpoint's parameters and
/// buffers — <c>generator.pt</c>, <c>ema_generator.pt</c>, <c>discriminator.pt</c> — which Python's <c>torch.jit.load</c>
/// reads. They are saved in evaluation mode (call <c>.train()</c> in PyTorch to train them further).</summary>
internal static class ScriptExport
{
    public static IReadOnlyList<string> Write(RunConfig config, Checkpoint checkpoint, string dir)
    {
        var players = new List<(string File, string Key, string Script, string Section)>();
        if (!string.IsNullOrWhiteSpace(config.GeneratorScript))
        {
            players.Add(("generator.pt", "generator_script", config.GeneratorScript, Checkpoint.GeneratorPrefix));
            if (checkpoint.Has(Checkpoint.EmaPrefix)) players.Add(("ema_generator.pt", "generator_script", config.GeneratorScript, Checkpoint.EmaPrefix));
        }
        if (!string.IsNullOrWhiteSpace(config.DiscriminatorScript))
            players.Add(("discriminator.pt", "discriminator_script", config.DiscriminatorScript, Checkpoint.DiscriminatorPrefix));
        if (players.Count == 0)
            throw new ArgumentException("--format torchscript exports networks that came from TorchScript files (config keys generator_script / " +
                "discriminator_script); this run's config names none, so export it as pt or safetensors");
        var written = new List<string>();
        foreach (var (file, key, script, section) in players)
        {
            using var module = ScriptedNetworks.Load(config, key, script);
            module.LoadStateDict(checkpoint.Section(section));
            module.Eval();
            var path = Path.Combine(dir, file);
            module.Save(path);
            written.Add(path);
        }
        return written;
    }
}
