using System.Globalization;
using GameDrift.Cli.SelfTest;
using GameDrift.Tests.Support;
using GameDrift.Tests.Training;
using GameDrift.Torch;

namespace GameDrift.Tests.Cli;

/// <summary>gamedrift selftest on the CPU: every check passes, its closed-form errors are at rounding level, the
/// device-against-CPU comparison (here CPU against CPU) finds the same losses, and timing prints a step time.</summary>
[Collection(GlobalRngCollection.Name)]
public class SelfTestTests
{
    private static Dictionary<string, string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1].Trim());

    private static double Value(Dictionary<string, string> lines, string name) => double.Parse(lines[name], CultureInfo.InvariantCulture);

    [Fact]
    public void PassesOnTheCpuWithClosedFormsAndTheComparison()
    {
        var output = new StringWriter();
        var test = new EngineSelfTest(output, Device.CPU) { WarmupSteps = 0 };
        test.Run(compareCpu: true, timeSteps: 1);
        var lines = Lines(output.ToString());
        Assert.True(test.Passed, output.ToString());
        Assert.Equal("pass", lines["selftest"]);
        Assert.Equal("cpu", lines["device"]);
        Assert.DoesNotContain(lines.Keys, k => k.EndsWith(".ok"));
        Assert.InRange(Value(lines, "double_backprop.max_rel_err"), 0, 1e-14);
        Assert.Equal(0, Value(lines, "ops.arange_sum_error"));
        Assert.InRange(Value(lines, "spectral_norm.sigma_rel_err"), 0, 1e-6);
        foreach (var (name, _) in EngineSelfTest.Variants)
        {
            // The saturating loss at initialisation: D's logits are near 0, so L_D is near 2 log 2 and L_G near -log 2.
            Assert.InRange(Value(lines, $"{name}.loss_d"), 2 * Math.Log(2) - 0.1, 2 * Math.Log(2) + 0.1);
            Assert.InRange(Value(lines, $"{name}.loss_g"), -Math.Log(2) - 0.1, -Math.Log(2) + 0.1);
            Assert.Equal(0, Value(lines, $"{name}.loss_d_rel_diff_vs_cpu"));
            Assert.Equal(0, Value(lines, $"{name}.loss_g_rel_diff_vs_cpu"));
            Assert.True(Value(lines, $"{name}.step_ms") > 0);
            Assert.Equal("1", lines[$"{name}.timed_steps"]);
        }
    }

    [Fact]
    public void RefusesCudaOnACpuOnlyLibtorchInOneLine()
    {
        if (torch.cuda.IsAvailable()) return; // the refusal is for CPU-only builds
        using var tmp = new TempDirectory();
        var (code, _, stderr) = CliProcess.Run(tmp.Path, TimeSpan.FromSeconds(60), "selftest", "--device", "cuda");
        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("no CUDA", lines[0]);
    }
}
