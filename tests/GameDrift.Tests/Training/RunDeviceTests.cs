using GameDrift.Torch;
using GameDrift.Training;

namespace GameDrift.Tests.Training;

/// <summary>Device strings of configs and their check against the libtorch in use (the CUDA count is given, so the
/// paths that need no GPU are tested here).</summary>
public class RunDeviceTests
{
    [Theory]
    [InlineData("cpu", 0, "cpu")]
    [InlineData(" CPU ", 0, "cpu")]
    [InlineData("cuda", 1, "cuda:0")]
    [InlineData("cuda:1", 2, "cuda:1")]
    public void DeviceStringsResolve(string text, int cudaDevices, string expected) =>
        Assert.Equal(expected, RunDevice.Resolve(text, cudaDevices).ToString());

    [Fact]
    public void CudaOnACpuOnlyLibtorchIsOneLineThatSaysHowToBuildAgainstOne()
    {
        var e = Assert.Throws<ArgumentException>(() => RunDevice.Resolve("cuda", cudaDevices: 0));
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("this libtorch has no CUDA", e.Message);
        Assert.Contains("cmake_prefix_path", e.Message);
    }

    [Theory]
    [InlineData("cuda:2", 2, "2 CUDA device")]
    [InlineData("gpu", 1, "config key 'device'")]
    [InlineData("cuda:-1", 1, "config key 'device'")]
    public void BadDevicesAreNamed(string text, int cudaDevices, string expected) =>
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => RunDevice.Resolve(text, cudaDevices)).Message);

    [Fact]
    public void ConfigAndOverridesCarryTheDevice()
    {
        var c = ConfigLoader.Parse("device: cuda:1\n");
        Assert.Equal("cuda:1", c.Device);
        ConfigLoader.ApplyOverrides(c, ["device=cpu"]);
        Assert.Equal("cpu", c.Device);
        var e = Assert.Throws<ArgumentException>(() => ConfigLoader.ApplyOverrides(c, ["device=tpu"]));
        Assert.Contains("device", e.Message);
    }

    [Fact]
    public void ThisLibtorchAnswersForItself()
    {
        // On a CPU-only build (Debian's libtorch) cuda must be refused with the one-line message, not a dispatcher dump.
        if (torch.cuda.IsAvailable()) Assert.Equal(DeviceType.CUDA, RunDevice.Resolve("cuda").Type);
        else Assert.Contains("no CUDA", Assert.Throws<ArgumentException>(() => RunDevice.Resolve("cuda")).Message);
    }
}
