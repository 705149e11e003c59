using System.Runtime.InteropServices;

namespace GameDrift.Torch.Native;

/// <summary>glibc's allocator settings for tensor memory on the CPU. By default glibc serves large blocks with mmap and
/// raises that threshold as such blocks are freed, so depending on the order in which a step frees its tensors, its
/// large tensors come fresh from the kernel (zero-filled page by page) at every step: on the 2-core benchmark machine that
/// cost a drift-regularised SN-GAN step 10-20% in page faults and system time, and made step times depend on allocation
/// order rather than work (bench/README.md). A fixed threshold (glibc's largest, 32 MiB) and no trimming keep freed
/// blocks for reuse: RSS stays at its high-water mark instead of shrinking between steps (the setting PyTorch's CPU
/// performance guide suggests through MALLOC_* variables). Set GAMEDRIFT_MALLOC=default to leave glibc's defaults;
/// MALLOC_MMAP_THRESHOLD_ or MALLOC_TRIM_THRESHOLD_ in the environment are respected too.</summary>
internal static class CpuAllocator
{
    private const int TrimThreshold = -1, MmapThreshold = -3; // mallopt parameters (malloc.h)
    private const int LargestMmapThreshold = 32 * 1024 * 1024; // glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit

    /// <summary>Whether the settings were applied (glibc on Linux, not opted out).</summary>
    public static bool Tuned { get; private set; }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("GAMEDRIFT_MALLOC") == "default"
            || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null
            || Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is not null) return;
        try
        {
            Tuned = MallOpt(MmapThreshold, LargestMmapThreshold) == 1 & MallOpt(TrimThreshold, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): its allocator has no such settings.
        }
    }
}
