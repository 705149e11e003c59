using System.Diagnostics;
using GameDrift.Sweeps;

namespace GameDrift.Tests.Support;

/// <summary>Runs the <c>gamedrift</c> CLI (GameDrift.Cli.dll, built with the same configuration as the tests; the
/// test project references it so that it is built first) in a child process.</summary>
internal static class CliProcess
{
    private static readonly Lazy<string> Dll = new(Locate);

    /// <summary>Full path of GameDrift.Cli.dll; throws with what to build when it is missing.</summary>
    public static string DllPath => Dll.Value;

    /// <summary>The dotnet host running the tests (DOTNET_HOST_PATH when the SDK set it), else "dotnet" on PATH.</summary>
    public static string DotnetPath
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
            var self = Environment.ProcessPath;
            return self != null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        }
    }

    /// <summary>The command a sweep's workers (or a Slurm task) use to run the CLI.</summary>
    public static WorkerCommand Command => new(DotnetPath, [DllPath]);

    private static string Locate()
    {
        // Tests run from tests/GameDrift.Tests/bin/<Configuration>/<tfm>/.
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = baseDir.Name;
        var configuration = baseDir.Parent?.Name ?? "Release";
        for (var d = baseDir; d != null; d = d.Parent)
        {
            var project = Path.Combine(d.FullName, "src", "GameDrift.Cli");
            if (!Directory.Exists(project)) continue;
            foreach (var c in new[] { configuration, "Release", "Debug" }.Distinct())
            {
                var dll = Path.Combine(project, "bin", c, tfm, "GameDrift.Cli.dll");
                if (File.Exists(dll)) return dll;
            }
            throw new FileNotFoundException($"GameDrift.Cli.dll not found under {project}/bin/{configuration}/{tfm}; build src/GameDrift.Cli first");
        }
        throw new DirectoryNotFoundException($"src/GameDrift.Cli not found above {baseDir.FullName}");
    }

    /// <summary>Starts <c>gamedrift ARGS</c> with output captured.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(DotnetPath)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(DllPath);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the CLI");
    }

    /// <summary>Runs <c>gamedrift ARGS</c> to the end (killed after <paramref name="timeout"/>): exit code and output.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"gamedrift {string.Join(" ", args)} ran longer than {timeout}");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts <c>gamedrift ARGS</c> in the current directory with stdout and stderr collected together,
    /// for tests that watch a run while it goes (e.g. to kill it mid-way).</summary>
    public static (Process Process, Func<string> Output) StartCollecting(params string[] args)
    {
        var psi = new ProcessStartInfo(DotnetPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(DllPath);
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

    /// <summary>Runs <c>gamedrift ARGS</c> to the end (at most <paramref name="timeout"/>): exit code and the output of both streams.</summary>
    public static (int ExitCode, string Output) RunCollecting(TimeSpan timeout, params string[] args)
    {
        var (p, output) = StartCollecting(args);
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
