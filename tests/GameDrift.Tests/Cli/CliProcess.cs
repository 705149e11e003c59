using System.Diagnostics;

namespace GameDrift.Tests.Cli;

/// <summary>Starts the gamedrift CLI as a child process. The test project references the CLI project, so the
/// build copies GameDrift.Cli.dll (with its runtimeconfig and deps files) next to the test assembly; it runs on
/// the same dotnet host as the tests.</summary>
internal static class CliProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "GameDrift.Cli.dll");

    private static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h)
        ? h
        : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    /// <summary>Starts <c>dotnet GameDrift.Cli.dll ARGS</c> with stdout and stderr collected.</summary>
    public static (Process Process, Func<string> Output) Start(params string[] args)
    {
        if (!File.Exists(Dll)) throw new FileNotFoundException($"the CLI is not built next to the tests: {Dll}");
        var psi = new ProcessStartInfo(Host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var output = new System.Text.StringBuilder();
        var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return (p, () => { lock (output) return output.ToString(); });
    }

    /// <summary>Runs to completion (at most <paramref name="timeout"/>) and returns the exit code and output.</summary>
    public static (int ExitCode, string Output) Run(TimeSpan timeout, params string[] args)
    {
        var (p, output) = Start(args);
        using (p)
        {
            if (!p.WaitForExit(timeout))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"gamedrift {string.Join(' ', args)} did not finish in {timeout}: {output()}");
            }
            p.WaitForExit(); // flushes the redirected streams
            return (p.ExitCode, output());
        }
    }
}
