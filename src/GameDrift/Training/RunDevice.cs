using GameDrift.Torch;

namespace GameDrift.Training;

/// <summary>The device a run computes on, from the config's <c>device</c> key (cpu, cuda, cuda:N), checked against
/// the libtorch the shim was built with before anything is moved there, so a CPU-only build gives one line instead
/// of libtorch's dispatcher dump.</summary>
public static class RunDevice
{
    /// <summary>How to get a CUDA build of the shim, for the error messages.</summary>
    public const string CudaBuildHint =
        "build the native shim against a CUDA libtorch: CMAKE_PREFIX_PATH=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)') bash scripts/build-native.sh";

    /// <summary>Parses and checks a device string; <paramref name="cudaDevices"/> is the number of CUDA devices
    /// this libtorch sees (0 for a CPU-only build), given by tests, else asked of libtorch.</summary>
    public static Device Resolve(string text, int? cudaDevices = null)
    {
        Device device;
        try { device = Device.Parse(text); }
        catch (ArgumentException e) { throw new ArgumentException($"config key 'device': {e.Message}"); }
        if (!device.IsCuda) return device;
        var count = cudaDevices ?? (torch.cuda.IsAvailable() ? torch.cuda.DeviceCount() : 0);
        if (count == 0)
            throw new ArgumentException($"config key 'device' is '{text}', but this libtorch has no CUDA (a CPU-only build, or no GPU visible); {CudaBuildHint}");
        var index = Math.Max(device.Index, 0);
        if (index >= count)
            throw new ArgumentException($"config key 'device' is '{text}', but this machine has {count} CUDA device(s) (cuda:0..cuda:{count - 1})");
        return Device.CUDA(index);
    }
}
