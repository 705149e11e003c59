using GameDrift.Games.ImageGans;
using GameDrift.Torch;

namespace GameDrift.Tests.ImageGans;

public class ArchitectureTests
{
    [Fact]
    public void SnGanMatchesTheSpecsParameterCountsAndShapes()
    {
        using var g = SnGanCifar.Generator();
        using var d = SnGanCifar.Discriminator();
        Assert.Equal(3_812_355, g.ParameterCount); // spec T16
        Assert.Equal(2_935_873, d.ParameterCount);
        using var scope = torch.NewDisposeScope();
        var x = g.Forward(torch.Randn(2, 128));
        Assert.Equal(new long[] { 2, 3, 32, 32 }, x.Shape);
        Assert.True(x.Abs().Max().ToDouble() <= 1.0);
        Assert.Equal(new long[] { 2, 1 }, d.Forward(x).Shape);
        Assert.Contains(d.NamedParameters(), p => p.Name.EndsWith("weight_orig"));
    }

    [Fact]
    public void DcgansMapLatentsToImagesAndImagesToLogits()
    {
        using var scope = torch.NewDisposeScope();
        using var g32 = Dcgan.Generator32();
        using var d32 = Dcgan.Discriminator32();
        using var g28 = Dcgan.Generator28();
        using var d28 = Dcgan.Discriminator28(spectralNorm: true);
        var x32 = g32.Forward(torch.Randn(3, 128));
        var x28 = g28.Forward(torch.Randn(3, 128));
        Assert.Equal(new long[] { 3, 3, 32, 32 }, x32.Shape);
        Assert.Equal(new long[] { 3, 1, 28, 28 }, x28.Shape);
        Assert.Equal(new long[] { 3, 1 }, d32.Forward(x32).Shape);
        Assert.Equal(new long[] { 3, 1 }, d28.Forward(x28).Shape);
    }
}
