using System.Diagnostics;
using System.Reflection;

namespace GameDrift.Sweeps;

/// <summary>How to start the <c>gamedrift</c> CLI in a child process: the executable and the arguments that come
/// before the subcommand, e.g. <c>dotnet /path/GameDrift.Cli.dll</c>, or the apphost alone.</summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>The command that started this process: <c>dotnet &lt;entry dll&gt;</c> under the muxer, else the apphost.</summary>
    public static WorkerCommand ForCurrentProcess()
    {
        var exe = Environment.ProcessPath ?? throw new NotSupportedException("cannot tell which executable runs this process");
        if (Path.GetFileNameWithoutExtension(exe).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var dll = Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(dll)) throw new NotSupportedException("cannot find the entry assembly to start workers with");
            return new WorkerCommand(exe, [dll]);
        }
        return new WorkerCommand(exe, []);
    }

    /// <summary><c>train --config CONFIG --out DIR --resume|--overwrite [--set k=v ...]</c>, output captured by the caller.
    /// A cell that is not resumed starts clean (what an earlier, checkpoint-less attempt wrote is deleted).</summary>
    public ProcessStartInfo Train(string configPath, string runDir, bool resume, IReadOnlyList<string> overrides)
    {
        var psi = new ProcessStartInfo(FileName)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var a in PrefixArguments) psi.ArgumentList.Add(a);
        foreach (var a in new[] { "train", "--config", configPath, "--out", runDir }) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(resume ? "--resume" : "--overwrite");
        foreach (var o in overrides) { psi.ArgumentList.Add("--set"); psi.ArgumentList.Add(o); }
        return psi;
    }

    /// <summary>The command as a shell word list, each word single-quoted.</summary>
    public string ToShell() => string.Join(" ", new[] { FileName }.Concat(PrefixArguments).Select(ShellQuote));

    public static string ShellQuote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
