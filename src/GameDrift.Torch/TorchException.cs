using System.Runtime.InteropServices;
using GameDrift.Torch.Native;

namespace GameDrift.Torch;

/// <summary>An error raised inside libtorch (a shape or dtype mismatch, a bad index, a missing file…),
/// carrying libtorch's own message. The native side never lets a C++ exception cross into .NET.</summary>
public sealed class TorchException : Exception
{
    public TorchException(string message) : base(message) { }

    /// <summary>Throws the pending native error.</summary>
    internal static Exception FromNative()
    {
        var p = NativeMethods.gd_last_error();
        var msg = p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);
        NativeMethods.gd_clear_error();
        return new TorchException(string.IsNullOrEmpty(msg) ? "libtorch reported an error without a message" : msg.Trim());
    }

    internal static IntPtr Check(IntPtr handle) => handle == IntPtr.Zero ? throw FromNative() : handle;
    internal static int Check(int status) => status < 0 ? throw FromNative() : status;
    internal static long Check(long value) => value < 0 ? throw FromNative() : value;

    internal static string TakeString(IntPtr s)
    {
        if (s == IntPtr.Zero) throw FromNative();
        try { return Marshal.PtrToStringUTF8(s) ?? ""; }
        finally { NativeMethods.gd_free_string(s); }
    }
}
