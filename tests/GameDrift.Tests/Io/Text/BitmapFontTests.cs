using GameDrift.Io.Text;

namespace GameDrift.Tests.Io.Text;

public class BitmapFontTests
{
    private static string Bitmap(char c) => string.Join("/", Enumerable.Range(0, BitmapFont.GlyphHeight).Select(r =>
        new string(Enumerable.Range(0, BitmapFont.GlyphWidth).Select(col => BitmapFont.IsSet(c, col, r) ? '#' : '.').ToArray())));

    [Fact]
    public void KnownGlyphsHaveExpectedShape()
    {
        Assert.Equal("#...#/#...#/#...#/#####/#...#/#...#/#...#/.....", Bitmap('H'));
        Assert.Equal(".###./..#../..#../..#../..#../..#../.###./.....", Bitmap('I'));
        // Descender letters use the row below the baseline.
        Assert.Equal(".....", Bitmap('g').Split('/')[0]);
        Assert.Equal(".###.", Bitmap('g').Split('/')[7]);
    }

    [Fact]
    public void EveryPrintableAsciiGlyphIsDistinctAndInked()
    {
        var seen = new Dictionary<string, char>();
        for (char c = '!'; c <= '~'; c++)
        {
            Assert.True(BitmapFont.Has(c));
            string b = Bitmap(c);
            Assert.Contains('#', b);
            Assert.False(seen.TryGetValue(b, out char other), $"'{c}' looks the same as '{other}'");
            seen[b] = c;
        }
        Assert.DoesNotContain('#', Bitmap(' '));
    }

    [Fact]
    public void UnknownCharactersFallBackToQuestionMark()
    {
        Assert.False(BitmapFont.Has('€'));
        Assert.Equal(Bitmap('?'), Bitmap('€'));
        Assert.True(BitmapFont.Has('η'));
        Assert.NotEqual(Bitmap('?'), Bitmap('η'));
    }

    [Fact]
    public void MeasureAndRenderAgree()
    {
        Assert.Equal(0, BitmapFont.MeasureWidth(""));
        Assert.Equal(5, BitmapFont.MeasureWidth("A"));
        Assert.Equal(34, BitmapFont.MeasureWidth("abc", 2));
        Assert.Equal(16, BitmapFont.MeasureHeight(2));

        var pixels = new List<(int X, int Y)>();
        BitmapFont.Render("HH", 2, (x, y) => pixels.Add((x, y)));
        Assert.Equal(BitmapFont.MeasureWidth("HH", 2) - 1, pixels.Max(p => p.X));
        Assert.Equal(13, pixels.Max(p => p.Y)); // 'H' ends on the baseline row 6 -> device rows 12..13
        Assert.Contains((12, 6), pixels); // second glyph starts at 6 * 2; its crossbar is row 3 -> rows 6..7
        Assert.DoesNotContain((10, 0), pixels); // the blank column between glyphs
    }
}
