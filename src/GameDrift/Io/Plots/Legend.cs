namespace GameDrift.Io.Plots;

/// <summary>Measures, places and draws a boxed list of legend entries.</summary>
internal sealed class Legend
{
    private readonly IReadOnlyList<LegendEntry> entries;
    private readonly int fs;

    public Legend(IReadOnlyList<LegendEntry> entries, int fontScale)
    {
        this.entries = entries;
        fs = fontScale;
        int labelWidth = entries.Max(e => Canvas.MeasureText(e.Label, fs).Width);
        Width = 2 * Pad + KeyWidth + Gap + labelWidth;
        Height = 2 * Pad + entries.Count * RowHeight - (RowHeight - Canvas.MeasureText("", fs).Height);
    }

    private int Pad => 5 * fs;
    private int Gap => 5 * fs;
    private int KeyWidth => 22 * fs;
    private int RowHeight => 12 * fs;

    public int Width { get; }
    public int Height { get; }

    /// <summary>The legend rectangle for an inside location; <see cref="LegendLocation.Best"/> avoids the footprint.</summary>
    public PixelRect PlaceInside(LegendLocation location, PixelRect area, IReadOnlyList<(double X, double Y)> footprint)
    {
        int inset = 6 * fs;
        PixelRect At(LegendLocation l) => l switch
        {
            LegendLocation.UpperLeft => new(area.X + inset, area.Y + inset, Width, Height),
            LegendLocation.LowerLeft => new(area.X + inset, area.Bottom - inset - Height, Width, Height),
            LegendLocation.LowerRight => new(area.Right - inset - Width, area.Bottom - inset - Height, Width, Height),
            _ => new(area.Right - inset - Width, area.Y + inset, Width, Height),
        };
        if (location != LegendLocation.Best) return At(location);

        // Fewest covered points wins; ties keep matplotlib's preference order.
        LegendLocation[] order = [LegendLocation.UpperRight, LegendLocation.UpperLeft, LegendLocation.LowerLeft, LegendLocation.LowerRight];
        return order.Select(At).MinBy(r => footprint.Count(p =>
            p.X >= r.X - 2 && p.X <= r.Right + 2 && p.Y >= r.Y - 2 && p.Y <= r.Bottom + 2));
    }

    public void Draw(Canvas canvas, PixelRect box, Rgb textColor)
    {
        canvas.FillRect(box, Rgb.White, 0.85);
        canvas.DrawRect(box, Rgb.Gray(200));
        for (int i = 0; i < entries.Count; i++)
        {
            int top = box.Y + Pad + i * RowHeight;
            // The key spans the glyph body (no descender) so its centre lines up with capitals and digits.
            var key = new PixelRect(box.X + Pad, top, KeyWidth, Text.BitmapFont.Ascent * fs);
            entries[i].DrawKey(canvas, key);
            canvas.DrawText(key.Right + Gap, top, entries[i].Label, textColor, fs);
        }
    }
}
