using ScottPlot;
using SkiaSharp;

namespace GameDrift.Reports.Charts;

/// <summary>DejaVu Sans (Bitstream Vera licence, beside the TTF) from this assembly's resources for every chart: SkiaSharp's
/// NoDependencies build finds no system fonts, and DejaVu has the Greek letters (φ, θ, η) labels use.</summary>
public static class ChartFont
{
    public const string Name = "DejaVu Sans";
    private static readonly Lazy<SKTypeface> Face = new(() =>
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream("GameDrift.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("the embedded DejaVu Sans font is missing from the GameDrift assembly");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("SkiaSharp cannot read the embedded font");
    });
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new Resolver());
        Fonts.Default = Name;
        return true;
    });

    /// <summary>The embedded typeface.</summary>
    public static SKTypeface Typeface => Face.Value;

    /// <summary>Makes every text of <paramref name="plot"/> use the embedded font.</summary>
    public static Plot Apply(Plot plot)
    {
        _ = Registered.Value;
        plot.Font.Set(Name);
        return plot;
    }

    private sealed class Resolver : IFontResolver
    {
        // One face serves every weight and slant: bold/italic are not used by the charts.
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Face.Value;
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Face.Value;
    }
}
