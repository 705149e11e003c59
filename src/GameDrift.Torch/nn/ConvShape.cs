namespace GameDrift.Torch.nn;

// Argument checks shared by the convolution layers.
internal static class ConvShape
{
    public static long[] Pair((long H, long W) v) => new[] { v.H, v.W };

    /// <summary>Returns <paramref name="inChannels"/> after checking both channel counts divide into groups.</summary>
    public static long CheckGroups(long inChannels, long outChannels, long groups)
    {
        if (groups <= 0) throw new ArgumentOutOfRangeException(nameof(groups), $"groups must be positive, got {groups}");
        if (inChannels % groups != 0) throw new ArgumentException($"in_channels ({inChannels}) must be divisible by groups ({groups})");
        if (outChannels % groups != 0) throw new ArgumentException($"out_channels ({outChannels}) must be divisible by groups ({groups})");
        return inChannels;
    }
}
