using GameDrift.Tests.Support;

namespace GameDrift.Tests.Cli;

/// <summary>`--start` help and behaviour agree: without it a toy command starts at the game's own point.</summary>
public class ToyStartTests
{
    [Fact]
    public void GeneralSumStartsAtTheSpecsZ0()
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = CliProcess.Run(dir.Path, TimeSpan.FromMinutes(2), "toy", "--game", "general-sum", "--steps", "1",
            "--out", dir.Combine("run"));
        Assert.True(code == 0, stdout + stderr);
        // step and the four coordinates lead each row (monitor columns follow).
        var first = File.ReadAllLines(dir.Combine("run", "trajectory.csv"))[1].Split(',').Take(5);
        Assert.Equal("0,0.5,-0.3,0.4,0.2", string.Join(",", first));
        var (_, help, _) = CliProcess.Run(dir.Path, TimeSpan.FromMinutes(1), "toy", "--help");
        Assert.Contains("0.5,-0.3,0.4,0.2", help);
    }

    /// <summary>A run that leaves the finite numbers (the general-sum game at these rates overflows within 100 steps) is
    /// written out and called diverged; its monitors (Lyapunov exponent, sharpness) read NaN there, not a crash.</summary>
    [Fact]
    public void ADivergingToyRunIsReportedNotACrash()
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = CliProcess.Run(dir.Path, TimeSpan.FromMinutes(2), "toy", "--game", "general-sum", "--lr-d", "0.1",
            "--lr-g", "0.2", "--steps", "300", "--out", dir.Combine("run"));
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("regime diverged", stdout);
        var last = File.ReadAllLines(dir.Combine("run", "trajectory.csv"))[^1].Split(',');
        Assert.Equal("300", last[0]);
        Assert.All(last[1..], v => Assert.Equal("NaN", v));
    }
}
