using System.Diagnostics;

namespace GameDrift.Cli.Demo;

/// <summary>Runs this same command line (<c>gamedrift ARGS</c>) in child processes, a few at a time, one libtorch
/// thread each: small runs parallelise best as processes, and a crash stays in its own run.</summary>
internal static class ChildProcesses
{
    /// <summary>Starts <c>gamedrift</c> with <paramref name="args"/>, output to <paramref name="logPath"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, string logPath)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Under `dotnet GameDrift.Cli.dll` the child needs the dll; the apphost runs itself.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            psi.ArgumentList.Add(typeof(ChildProcesses).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GAMEDRIFT_NUM_THREADS"] = "1";
        using var log = new StreamWriter(logPath);
        using var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        p.WaitForExit();
        return p.ExitCode;
    }

    /// <summary>Runs every job, <paramref name="workers"/> at a time, calling <paramref name="done"/> after each (under a lock).</summary>
    public static void RunAll<T>(IReadOnlyList<T> jobs, int workers, Func<T, int> run, Action<T, int, TimeSpan> done)
    {
        var gate = new object();
        // No buffering: jobs start in list order (costly ones first), each worker taking the next when it is free.
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(jobs, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, job =>
        {
            var clock = Stopwatch.StartNew();
            var code = run(job);
            lock (gate) done(job, code, clock.Elapsed);
        });
    }
}
