using GameDrift.Data;
using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Training;

/// <summary>What a config's <c>game</c> name builds: the generator and discriminator (initialised from the given
/// seeded generator so runs are reproducible) and, optionally, the game's own data; without it the runner loads
/// the config's <c>data</c> set (a folder of images made <c>ImageShape</c>, when the game says it).</summary>
public sealed record GameDefinition(
    Func<RunConfig, Generator, Module> CreateGenerator,
    Func<RunConfig, Generator, Module> CreateDiscriminator,
    Func<RunConfig, ImageDataset>? LoadData = null,
    ImageShape? ImageShape = null);
