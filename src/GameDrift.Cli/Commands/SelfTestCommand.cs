using System.CommandLine;
using GameDrift.Cli.SelfTest;
using GameDrift.Training;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift selftest [--device cpu|cuda|cuda:N] [--compare-cpu] [--time-steps N] [--warmup-steps K]</c>: the engine's
/// self-test on a device (<see cref="EngineSelfTest"/>), as <c>name: value</c> lines; exit code 1 when a check fails.</summary>
internal static class SelfTestCommand
{
    public static Command Create()
    {
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var compare = new Option<bool>("--compare-cpu") { Description = "Also take each SN-GAN step on the CPU and compare the first losses (TF32 off for the comparison)." };
        var time = new Option<int>("--time-steps") { Description = "Time this many SN-GAN steps of each scheme (0: none).", DefaultValueFactory = _ => 0 };
        var warmup = new Option<int>("--warmup-steps") { Description = "Untimed steps before the timed ones.", DefaultValueFactory = _ => 3 };
        var cmd = new Command("selftest", "Check the engine on a device: tensor ops, double backprop, spectral norm, one SN-GAN step of each scheme.") { device, compare, time, warmup };
        cmd.SetAction(r => Run(r.GetValue(device)!, r.GetValue(compare), r.GetValue(time), r.GetValue(warmup)));
        return cmd;
    }

    private static int Run(string device, bool compareCpu, int timeSteps, int warmupSteps)
    {
        if (timeSteps < 0) throw new ArgumentException($"--time-steps must not be negative (got {timeSteps})");
        if (warmupSteps < 0) throw new ArgumentException($"--warmup-steps must not be negative (got {warmupSteps})");
        var test = new EngineSelfTest(Console.Out, RunDevice.Resolve(device)) { WarmupSteps = warmupSteps };
        test.Run(compareCpu, timeSteps);
        return test.Passed ? 0 : 1;
    }
}
