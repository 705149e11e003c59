using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GameDrift.Torch.Native;

/// <summary>Finds libgamedrift_torch.so without environment variables: next to the assembly (copied by
/// the build), in GAMEDRIFT_NATIVE (a file or folder), or in build/native of the source tree above.</summary>
internal static class NativeLibraryLoader
{
    private const string FileName = "libgamedrift_torch.so";

    [ModuleInitializer]
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != NativeMethods.Lib) return IntPtr.Zero;
        foreach (var candidate in Candidates())
            if (File.Exists(candidate))
            {
                CpuAllocator.Apply(); // before libtorch allocates its first tensor
                return NativeLibrary.Load(candidate);
            }
        throw new DllNotFoundException(
            $"{FileName} was not found (looked in: {string.Join(", ", Candidates())}). " +
            "Build it with scripts/build-native.sh (the README's commands do this), or set GAMEDRIFT_NATIVE to its path.");
    }

    private static IEnumerable<string> Candidates()
    {
        var env = Environment.GetEnvironmentVariable("GAMEDRIFT_NATIVE");
        if (!string.IsNullOrEmpty(env)) yield return Directory.Exists(env) ? Path.Combine(env, FileName) : env;
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            yield return Path.Combine(dir.FullName, "build", "native", FileName);
    }
}
