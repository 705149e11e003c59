using GameDrift.Io.Png;

namespace GameDrift.Tests.Io.Png;

public class PngDecoderTests
{
    [Fact]
    public void DecodesHandFilteredGrayImageUsingEveryFilterType()
    {
        // 3x6 gray image; each scanline's filtered bytes were worked out by hand.
        byte[] scanlines =
        [
            0, 10, 20, 30,      // None
            1, 15, 10, 15,      // Sub:     15, 25, 40
            2, 5, 251, 10,      // Up:      20, 20, 50
            3, 20, 35, 241,     // Average: 30, 60, 40
            4, 170, 156, 156,   // Paeth (predicts b, a, a): 200, 100, 0
            4, 246, 100, 23,    // Paeth (predicts b, b, c): 190, 200, 123
        ];
        var image = PngDecoder.Decode(HandMadePng.File(3, 6, 8, 0, scanlines));

        Assert.Equal((3, 6, 1), (image.Width, image.Height, image.Channels));
        byte[] expected =
        [
            10, 20, 30,
            15, 25, 40,
            20, 20, 50,
            30, 60, 40,
            200, 100, 0,
            190, 200, 123,
        ];
        Assert.Equal(expected, image.Pixels);
    }

    [Fact]
    public void FiltersUseWholePixelDistanceForRgb()
    {
        // Sub and Average look 3 bytes back for RGB, not 1.
        byte[] scanlines =
        [
            1, 10, 20, 30, 5, 7, 255,
            3, 45, 50, 55, 8, 253, 247,
        ];
        var image = PngDecoder.Decode(HandMadePng.File(2, 2, 8, 2, scanlines));
        Assert.Equal(new byte[] { 10, 20, 30, 15, 27, 29, 50, 60, 70, 40, 40, 40 }, image.Pixels);
    }

    [Fact]
    public void DecodesGrayAlphaAndRgba()
    {
        var ga = PngDecoder.Decode(HandMadePng.File(2, 1, 8, 4, [0, 1, 2, 3, 4]));
        Assert.Equal(2, ga.Channels);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, ga.Pixels);
        var rgba = PngDecoder.Decode(HandMadePng.File(1, 1, 8, 6, [0, 9, 8, 7, 6]));
        Assert.Equal(4, rgba.Channels);
        Assert.Equal(new byte[] { 9, 8, 7, 6 }, rgba.Pixels);
    }

    [Fact]
    public void ExpandsTwoBitPaletteWithTransparency()
    {
        byte[] plte = [255, 0, 0, 0, 255, 0, 0, 0, 255];
        byte[] trns = [128]; // only entry 0 is translucent; the others default to opaque
        // Indices 2,1,0,2,1 packed MSB first: 10 01 00 10 | 01 00 00 00
        byte[] scanlines = [0, 0b1001_0010, 0b0100_0000];
        var image = PngDecoder.Decode(HandMadePng.File(5, 1, 2, 3, scanlines,
            HandMadePng.Chunk("PLTE", plte), HandMadePng.Chunk("tRNS", trns)));

        Assert.Equal(4, image.Channels);
        byte[] expected = [0, 0, 255, 255, 0, 255, 0, 255, 255, 0, 0, 128, 0, 0, 255, 255, 0, 255, 0, 255];
        Assert.Equal(expected, image.Pixels);
    }

    [Fact]
    public void EightBitPaletteWithoutTransparencyGivesRgb()
    {
        byte[] plte = [1, 2, 3, 4, 5, 6];
        var image = PngDecoder.Decode(HandMadePng.File(2, 1, 8, 3, [0, 1, 0], HandMadePng.Chunk("PLTE", plte)));
        Assert.Equal(3, image.Channels);
        Assert.Equal(new byte[] { 4, 5, 6, 1, 2, 3 }, image.Pixels);
    }

    [Fact]
    public void OneBitGrayIsScaledToFullRange()
    {
        var image = PngDecoder.Decode(HandMadePng.File(3, 1, 1, 0, [0, 0b1010_0000]));
        Assert.Equal(new byte[] { 255, 0, 255 }, image.Pixels);
    }

    [Fact]
    public void SkipsUnknownAncillaryChunks()
    {
        var image = PngDecoder.Decode(HandMadePng.File(1, 1, 8, 0, [0, 42], HandMadePng.Chunk("tEXt", "k\0v"u8.ToArray())));
        Assert.Equal(new byte[] { 42 }, image.Pixels);
    }

    private static InvalidDataException Rejects(byte[] file) =>
        Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(file));

    [Fact]
    public void RejectsCorruptedCrcNamingTheChunk()
    {
        var file = PngEncoder.Encode(new PngImage(2, 2, 1, [1, 2, 3, 4]));
        file[8 + 8 + 13] ^= 0xFF; // first CRC byte of IHDR
        var e = Rejects(file);
        Assert.Contains("CRC mismatch", e.Message);
        Assert.Contains("IHDR", e.Message);
    }

    [Fact]
    public void RejectsCorruptedDataAsCrcMismatchInIdat()
    {
        var file = PngEncoder.Encode(new PngImage(2, 2, 1, [1, 2, 3, 4]));
        int idat = IndexOf(file, "IDAT"u8.ToArray());
        file[idat + 6] ^= 0x01;
        Assert.Contains("CRC mismatch in chunk 'IDAT'", Rejects(file).Message);
    }

    [Fact]
    public void RejectsBadSignature()
    {
        var file = PngEncoder.Encode(new PngImage(1, 1, 1, [0]));
        file[1] = (byte)'Q';
        Assert.Contains("signature", Rejects(file).Message);
    }

    [Fact]
    public void RejectsTruncatedFile()
    {
        var file = PngEncoder.Encode(new PngImage(4, 4, 3, new byte[48]));
        Assert.Contains("Truncated", Rejects(file[..^20]).Message);
    }

    [Fact]
    public void RejectsInvalidFilterType()
    {
        Assert.Contains("invalid filter type 5 on row 1",
            Rejects(HandMadePng.File(1, 2, 8, 0, [0, 1, 5, 2])).Message);
    }

    [Fact]
    public void RejectsTooLittleImageData()
    {
        Assert.Contains("expected 6", Rejects(HandMadePng.File(2, 2, 8, 0, [0, 1, 2, 0])).Message);
    }

    [Fact]
    public void RejectsInterlacedAnd16Bit()
    {
        var interlaced = HandMadePng.Signature.Concat(HandMadePng.Ihdr(1, 1, 8, 0, interlace: 1)).ToArray();
        Assert.Contains("interlaced", Rejects(interlaced).Message);
        Assert.Contains("16-bit", Rejects(HandMadePng.File(1, 1, 16, 0, [0, 0, 0])).Message);
    }

    [Fact]
    public void RejectsPaletteIndexOutsidePalette()
    {
        var file = HandMadePng.File(1, 1, 8, 3, [0, 2], HandMadePng.Chunk("PLTE", [0, 0, 0, 9, 9, 9]));
        Assert.Contains("palette index 2", Rejects(file).Message);
    }

    [Fact]
    public void RejectsUnknownCriticalChunk()
    {
        var file = HandMadePng.File(1, 1, 8, 0, [0, 0], HandMadePng.Chunk("ZZZZ", [1]));
        Assert.Contains("critical chunk 'ZZZZ'", Rejects(file).Message);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        throw new InvalidOperationException("needle not found");
    }
}
