using GameDrift.Data;
using GameDrift.Games;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Training.Observers;

namespace GameDrift.Training;

/// <summary>What a config's <c>game</c> name builds: the generator and discriminator (initialised from the given
/// seeded generator so runs are reproducible) and, optionally, the game's own data; without it the runner loads
/// the config's <c>data</c> set (a folder of images made <c>ImageShape</c>, when the game says it). A game whose data
/// are not images (points of a mixture) gives <c>Draw</c> instead: n fresh real samples from the run's data stream; it
/// then has no data set, image grid or image metrics, and says what it measures through <c>Observers</c>. The two
/// modules play a GAN (<see cref="GanGame"/>, the config's <c>loss</c>) unless <c>CreateGame</c> makes another game of
/// their parameters (generator, discriminator), such as a toy game's losses; <c>IgnoresBatches</c> says that game reads no
/// batch, so its evaluations get an empty one (split-batch estimators are then exact, at any batch size).</summary>
public sealed record GameDefinition(
    Func<RunConfig, Generator, Module> CreateGenerator,
    Func<RunConfig, Generator, Module> CreateDiscriminator,
    Func<RunConfig, ImageDataset>? LoadData = null,
    ImageShape? ImageShape = null,
    Func<long, Generator, Tensor>? Draw = null,
    Func<TrainingSession, IEnumerable<IStepObserver>>? Observers = null,
    Func<RunConfig, Module, Module, ITwoPlayerGame>? CreateGame = null,
    bool IgnoresBatches = false);
