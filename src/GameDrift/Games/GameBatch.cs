using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>What one evaluation of a game's losses consumes: a batch of real data and the generator's
/// latents (both with the batch on dimension 0). Games that need neither (toy games) ignore it.</summary>
public sealed class GameBatch
{
    public GameBatch(Tensor? real = null, Tensor? latents = null)
    {
        Real = real;
        Latents = latents;
    }

    /// <summary>A batch that carries nothing, for games that ignore batches.</summary>
    public static GameBatch Empty { get; } = new();

    public Tensor? Real { get; }
    public Tensor? Latents { get; }

    public bool IsEmpty => Real is null && Latents is null;

    /// <summary>Two disjoint halves along dimension 0, for the split-batch estimator (spec §5.3). Latents are
    /// drawn i.i.d. per sample, so the halves' latents are independent. An empty batch splits into itself.</summary>
    public (GameBatch A, GameBatch B) Split()
    {
        if (IsEmpty) return (this, this);
        return (new GameBatch(Half(Real, 0), Half(Latents, 0)), new GameBatch(Half(Real, 1), Half(Latents, 1)));
    }

    private static Tensor? Half(Tensor? t, int which)
    {
        if (t is null) return null;
        var n = t.Size(0);
        if (n < 2) throw new InvalidOperationException($"cannot split a batch of {n} sample(s) in two for the split-batch estimator");
        var first = n / 2;
        return which == 0 ? t.Narrow(0, 0, first) : t.Narrow(0, first, n - first);
    }
}

/// <summary>Draws a fresh batch (data and latents) each call; schemes call it once per gradient evaluation,
/// inside the step's dispose scope, so the batch is freed with the step.</summary>
public interface IBatchSource
{
    GameBatch Next();
}

/// <summary>An <see cref="IBatchSource"/> from a delegate.</summary>
public sealed class BatchSource(Func<GameBatch> next) : IBatchSource
{
    /// <summary>For games that ignore batches.</summary>
    public static IBatchSource None { get; } = new BatchSource(() => GameBatch.Empty);

    public GameBatch Next() => next();
}
