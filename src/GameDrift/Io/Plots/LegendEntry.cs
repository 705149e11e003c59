namespace GameDrift.Io.Plots;

/// <summary>One row of a legend: a label and a painter for its key inside the given rectangle.</summary>
internal sealed record LegendEntry(string Label, Action<Canvas, PixelRect> DrawKey);
