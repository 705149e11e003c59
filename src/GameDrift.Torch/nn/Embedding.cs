namespace GameDrift.Torch.nn;

/// <summary>A lookup table of <c>numEmbeddings</c> vectors (torch.nn.Embedding), initialised N(0, 1).
/// Forward takes int64 indices of any shape and appends the embedding dimension.</summary>
public sealed class Embedding : Module
{
    public Embedding(long numEmbeddings, long embeddingDim, Generator? generator = null)
    {
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        Weight = RegisterParameter("weight", torch.Empty(new[] { numEmbeddings, embeddingDim }));
        init.Normal_(Weight, 0, 1, generator);
    }

    public long NumEmbeddings { get; }
    public long EmbeddingDim { get; }
    public Tensor Weight { get; }

    public override Tensor Forward(Tensor input) => functional.Embedding(input, Weight);

    protected override string ExtraRepr() => $"{NumEmbeddings}, {EmbeddingDim}";
}
