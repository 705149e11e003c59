using System.Diagnostics;

namespace GameDrift.Tests.Support;

/// <summary>Debian's python3-torch (<c>/usr/bin/python3</c> with <c>import torch</c>), used by tests to check that
/// PyTorch itself reads what GameDrift writes. Never needed at run time.</summary>
internal static class PythonTorch
{
    public const string Python = "/usr/bin/python3";
    private static readonly Lazy<string?> Missing = new(() =>
    {
        if (!File.Exists(Python)) return $"{Python} is absent";
        var (code, _, err) = Run("import torch", []);
        return code == 0 ? null : $"python3-torch is not installed (apt-get install python3-torch): {err.Trim().Split('\n')[^1]}";
    });

    /// <summary>Why PyTorch cannot be used here, or null when it can.</summary>
    public static string? MissingReason => Missing.Value;

    public static (int Code, string Out, string Err) Run(string script, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, o.Result, e.Result);
    }

    /// <summary>Runs a script that must succeed; returns its standard output.</summary>
    public static string Check(string script, params string[] args)
    {
        var (code, o, e) = Run(script, args);
        Assert.True(code == 0, $"python exited with {code}:\n{e}");
        return o;
    }
}

/// <summary>A fact that needs python3-torch; skipped, with the reason shown, without it.</summary>
public sealed class FactIfPythonTorchAttribute : FactAttribute
{
    public FactIfPythonTorchAttribute()
    {
        if (PythonTorch.MissingReason is { } why) Skip = why;
    }
}
