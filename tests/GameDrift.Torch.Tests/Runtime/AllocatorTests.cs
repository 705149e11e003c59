using System.Diagnostics;

namespace GameDrift.Torch.Tests.Runtime;

/// <summary>The binding sets glibc's allocator to keep freed tensor memory for reuse when it loads, unless told not to.</summary>
public class AllocatorTests
{
    [Fact]
    public void TheAllocatorIsTunedWhenTheBindingLoadsOnGlibc()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("GAMEDRIFT_MALLOC") == "default") return;
        Assert.True(torch.AllocatorTuned);
    }
}
