namespace GameDrift.Data;

/// <summary>The images a game's networks take: channels x height x width.</summary>
public sealed record ImageShape(int Channels, int Height, int Width)
{
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
