namespace GameDrift.Io.Plots;

/// <summary>Qualitative colours for series and categories.</summary>
public static class Palette
{
    /// <summary>Matplotlib's "tab10" cycle: distinct, colour-blind-tolerant hues.</summary>
    public static IReadOnlyList<Rgb> Tab10 { get; } =
    [
        Rgb.FromHex("#1f77b4"), Rgb.FromHex("#ff7f0e"), Rgb.FromHex("#2ca02c"), Rgb.FromHex("#d62728"),
        Rgb.FromHex("#9467bd"), Rgb.FromHex("#8c564b"), Rgb.FromHex("#e377c2"), Rgb.FromHex("#7f7f7f"),
        Rgb.FromHex("#bcbd22"), Rgb.FromHex("#17becf"),
    ];

    /// <summary>Colour used for missing values (NaN cells, unknown categories).</summary>
    public static Rgb Missing { get; } = Rgb.Gray(190);

    /// <summary>The <paramref name="index"/>-th colour of <see cref="Tab10"/>, cycling.</summary>
    public static Rgb Get(int index) => Tab10[((index % Tab10.Count) + Tab10.Count) % Tab10.Count];
}
