using System.Text;
using GameDrift.Training;

namespace GameDrift.Sweeps;

/// <summary>A Slurm job array for a written sweep directory: task i trains the cell on line i+1 of cells.txt with a
/// plain <c>gamedrift train</c> (resuming when the cell has a checkpoint, skipping it when it has finished or
/// diverged), so a re-submitted array picks up where a pre-empted one stopped. Aggregate afterwards with
/// <see cref="AggregateCommand"/>.</summary>
public static class SlurmScript
{
    public const string FileName = "slurm.sh";

    /// <summary>Writes DIR/slurm.sh and returns its path.</summary>
    /// <param name="sbatch">extra <c>#SBATCH</c> options, e.g. <c>--time=04:00:00</c>, <c>--partition=gpu</c>.</param>
    public static string Write(string sweepDir, string jobName, WorkerCommand command, IReadOnlyList<string> sbatch)
    {
        var dir = Path.GetFullPath(sweepDir);
        var cells = SweepLayout.ReadCells(dir);
        if (cells.Count == 0) throw new ArgumentException($"{dir}: the sweep has no cells");
        var gpu = cells.Any(c => UsesCuda(Path.Combine(dir, c.RelativePath, "config.yaml")));
        Directory.CreateDirectory(Path.Combine(dir, "slurm"));
        var q = WorkerCommand.ShellQuote;
        var s = new StringBuilder();
        s.AppendLine("#!/bin/bash");
        s.AppendLine($"#SBATCH --job-name={Safe(jobName)}");
        s.AppendLine($"#SBATCH --array=0-{cells.Count - 1}");
        s.AppendLine($"#SBATCH --output={dir}/slurm/%A_%a.out");
        if (gpu && !sbatch.Any(o => o.StartsWith("--gres", StringComparison.Ordinal) || o.StartsWith("--gpus", StringComparison.Ordinal)))
            s.AppendLine("#SBATCH --gres=gpu:1");
        foreach (var o in sbatch) s.AppendLine($"#SBATCH {o}");
        s.AppendLine($$"""
            # One array task per cell of the sweep in {{dir}} ({{cells.Count}} cells, listed in cells.txt).
            # Submit:     sbatch {{Path.Combine(dir, FileName)}}
            # Afterwards: {{AggregateCommand(command, dir)}}
            # Set GAMEDRIFT to the command that runs the CLI on the compute nodes if it differs from the one below.
            set -euo pipefail
            sweep_dir={{q(dir)}}
            task=${SLURM_ARRAY_TASK_ID:?run this script with sbatch (SLURM_ARRAY_TASK_ID is not set)}
            cell=$(sed -n "$((task + 1))p" "$sweep_dir/cells.txt")
            if [ -z "$cell" ]; then echo "no cell for array task $task in $sweep_dir/cells.txt" >&2; exit 2; fi
            cell_dir="$sweep_dir/$cell"

            gamedrift() {
              if [ -n "${GAMEDRIFT:-}" ]; then $GAMEDRIFT "$@"; else {{command.ToShell()}} "$@"; fi
            }

            if grep -Eq '"state": *"(finished|diverged)"' "$cell_dir/status.json" 2>/dev/null; then
              echo "$cell: already done"; exit 0
            fi
            args=(train --config "$cell_dir/config.yaml" --out "$cell_dir")
            if [ -f "$cell_dir/checkpoints/latest.pt" ]; then args+=(--resume); else args+=(--overwrite); fi
            if [ -n "${SLURM_CPUS_PER_TASK:-}" ] && grep -q '"worker_threads": true' "$cell_dir/cell.json" 2>/dev/null; then
              args+=(--set "threads=$SLURM_CPUS_PER_TASK")
            fi
            echo "task $task: $cell"
            set +e
            gamedrift "${args[@]}"
            rc=$?
            set -e
            # Exit code 3 is a diverged run: a result of the sweep, not a failed task.
            if [ "$rc" -eq 3 ]; then echo "$cell: diverged"; exit 0; fi
            exit "$rc"
            """);
        var path = Path.Combine(dir, FileName);
        File.WriteAllText(path, s.ToString().Replace("\r\n", "\n"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    }

    /// <summary>The command that rebuilds sweep.csv once the array has run.</summary>
    public static string AggregateCommand(WorkerCommand command, string sweepDir) =>
        $"{command.ToShell()} sweep --aggregate {WorkerCommand.ShellQuote(Path.GetFullPath(sweepDir))}";

    private static bool UsesCuda(string configPath)
    {
        try { return ConfigLoader.Load(configPath).Device.StartsWith("cuda", StringComparison.Ordinal); }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException) { return false; }
    }

    private static string Safe(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
}
